import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { removeEvery } from '../../src/persistence/removeEvery';
import { MemoryPersistence } from '../support/MemoryPersistence';

const key = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);

describe('removeEvery', () => {
    it.each([[false, 2], [true, 3]])('removes every match and answers their data (a server deleting one match per call: %s; %i calls)', async (deleteOne, calls) => {
        const memory = new MemoryPersistence({ deleteOne });
        const writer = memory.writer();
        await writer.createWithAssociations({ n: 1 }, [key('a'), key('x')]);
        await writer.createWithAssociations({ n: 2 }, [key('a'), key('y')]);
        await writer.createWithAssociations({ n: 3 }, [key('a'), key('x'), key('z')]);
        await writer.createWithAssociations({ n: 4 }, [key('b'), key('x')]);
        await writer.createWithAssociations({ n: 5 }, [key('x'), key('a')]);
        memory.calls = 0;
        expect(await removeEvery(writer, [key('a'), key('x')])).toEqual([{ n: 1 }, { n: 3 }, { n: 5 }]);
        expect(memory.records.map((record) => record.data)).toEqual([{ n: 2 }, { n: 4 }]);
        expect(memory.calls).toBe(calls);
    });

    it('costs one call when one record matches, and none is removed when none matches', async () => {
        const memory = new MemoryPersistence({ deleteOne: true });
        const writer = memory.writer();
        await writer.createWithAssociations({ n: 1 }, [key('a')]);
        memory.calls = 0;
        expect(await removeEvery(writer, [key('b')])).toEqual([]);
        expect(await removeEvery(writer, [key('a')])).toEqual([{ n: 1 }]);
        expect(memory.records).toEqual([]);
        expect(memory.calls).toBe(2);
    });
});
