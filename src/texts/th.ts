import { OperatorTexts } from './OperatorTexts';
import { thAlerts } from './thAlerts';

export const th: OperatorTexts = {
    effect: {
        'calls-refused': (platform) => `การเรียกจาก ${platform} จะถูกปฏิเสธ`,
        'calls-refused-replies-not-sent': (platform) => `การเรียกจาก ${platform} จะถูกปฏิเสธและไม่สามารถส่งคำตอบได้`,
        'replies-not-sent': () => 'ไม่สามารถส่งคำตอบได้',
        'messages-not-read': () => 'ไม่สามารถอ่านข้อความของผู้ใช้ปลายทางและไม่สามารถส่งคำตอบได้',
        'bot-not-reached': (platform) => `การเรียกจาก ${platform} จะถูกปฏิเสธและข้อความของผู้เยี่ยมชมจะไปไม่ถึงบอท`,
        'no-bot-department': (platform) => `การเรียกจาก ${platform} จะถูกปฏิเสธ เพราะไม่มีแผนกที่บอทให้บริการ`,
        'no-handover': () => 'ผู้เยี่ยมชมที่ขอคุยกับเจ้าหน้าที่จะยังคงคุยกับบอทต่อไป',
    },
    emptySetting: (setting, effect) => `${setting} ว่างอยู่: ${effect}`,
    unknownDepartment: (setting, value) => `${setting} ระบุ "${value}" ซึ่งไม่ใช่แผนก`,
    notConnected: (platform, call) => `${platform} ยังไม่ได้เชื่อมต่อ (${platform} จะเรียก ${call} เมื่อตั้งค่า): ไม่สามารถส่งคำตอบของเจ้าหน้าที่ได้`,

    notAllowed: 'ขออภัย /tickets ใช้ได้เฉพาะผู้ดูแลระบบเท่านั้น',
    help: (sources) => [
        '*/tickets* (เฉพาะผู้ดูแลระบบ)',
        '`/tickets status`: การตั้งค่า ปริมาณข้อความ และกล่องขาออกของแต่ละแหล่ง รวมถึงการส่งที่ถูกพักไว้',
        '`/tickets retry`: ส่งการส่งที่ถูกพักไว้ทั้งหมดอีกครั้ง',
        `\`/tickets retry <source>\`: เฉพาะของแหล่งเดียว (${sources})`,
        '`/tickets retry <item id>`: การส่งที่ถูกพักไว้หนึ่งรายการ (รหัสแสดงอยู่ในสถานะ)',
        '`/tickets help`: ความช่วยเหลือนี้',
    ].join('\n'),
    unknownSubcommand: (given) => `ไม่รู้จักคำสั่งย่อย "${given}"`,

    statusTitle: '*Tickets: สถานะ*',
    on: 'เปิด',
    off: 'ปิด',
    configured: 'ตั้งค่าครบแล้ว',
    notConfigured: 'ตั้งค่ายังไม่ครบ',
    openRooms: (count) => `ห้องที่เปิดอยู่ ${count} ห้อง`,
    queued: (count) => `รอส่ง ${count} รายการ`,
    parked: (count) => `ถูกพักไว้ ${count} รายการ`,
    parkedTitle: (shown, total) => (shown < total ? `*การส่งที่ถูกพักไว้* (ล่าสุด ${shown} จาก ${total} รายการ)` : `*การส่งที่ถูกพักไว้* (${total} รายการ ล่าสุดก่อน)`),
    parkedLine: (item) => `${item.source} ${item.kind} ในห้อง \`${item.room}\` ถูกพักไว้เมื่อ ${item.parkedAt} หลังจากพยายาม ${item.attempts} ครั้ง: ${item.reason} (รหัส \`${item.id}\`)`,
    noneParked: 'ไม่มีการส่งที่ถูกพักไว้',
    retryHint: 'ส่งอีกครั้งได้ด้วย `/tickets retry`, `/tickets retry <source>` หรือ `/tickets retry <item id>`',

    retried: (count) => `ส่งการส่งที่ถูกพักไว้ ${count} รายการอีกครั้ง แต่ละรายการกลับเข้าคิวของบทสนทนาตามลำดับที่เหตุการณ์เกิดขึ้น`,
    nothingToRetry: 'ไม่มีการส่งที่ถูกพักไว้ จึงไม่มีอะไรต้องส่งอีกครั้ง',
    stillParked: (count) => `ยังถูกพักไว้อีก ${count} รายการ เรียกคำสั่งอีกครั้งเพื่อส่ง`,
    unknownRetryTarget: (given, sources) => `"${given}" ไม่ใช่แหล่ง (${sources}) และไม่ใช่รหัสของการส่งที่ถูกพักไว้`,

    alertRoomMissing: (room) => `alert_room ระบุ "${room}" แต่ไม่มีห้องชื่อนี้: ไม่สามารถโพสต์การแจ้งเตือนได้`,
    alertRoomNotChannel: (room) => `alert_room ระบุ "${room}" ซึ่งไม่ใช่แชนเนลหรือกลุ่มส่วนตัว: จะไม่โพสต์การแจ้งเตือนที่นั่น`,
    alertRoomRefused: (room, error, at) => `Rocket.Chat ปฏิเสธการโพสต์ของบอทใน "${room}" (${at}): จะโพสต์การแจ้งเตือนที่นั่นไม่ได้จนกว่าจะแก้ไข คำตอบของ Rocket.Chat: ${error}`,
    alertsOff: '*การแจ้งเตือน*: ปิด (alert_room ว่างอยู่)',
    alertsIn: (room, active) => `*การแจ้งเตือน* ใน "${room}": ${active} เรื่องที่ยังค้างอยู่`,
    alert: thAlerts,
};
