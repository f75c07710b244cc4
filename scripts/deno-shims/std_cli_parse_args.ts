// Local stand-in for jsr:@std/cli parseArgs, enough for the runtime's own flags
// (`--name value`, `--name=value`, bare `--flag`); numeric values become numbers.
export function parseArgs(args: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = { _: [] };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) {
			(out._ as string[]).push(arg);
			continue;
		}
		const body = arg.slice(2);
		const eq = body.indexOf('=');
		let name = body;
		let value: string | boolean = true;
		if (eq >= 0) {
			name = body.slice(0, eq);
			value = body.slice(eq + 1);
		} else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
			value = args[++i];
		}
		out[name] = typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)) ? Number(value) : value;
	}
	return out;
}
