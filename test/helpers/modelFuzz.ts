// Seeded random values for fuzz tests: plausible inputs generated from a service model's shapes, sometimes
// deliberately wrong (nasty strings, wrong types, out-of-range numbers, unknown members).
import type {ServiceModel, ShapeDef} from '../../source/emulator/model/serviceModel.js';

const NASTY_STRINGS = ['', ' ', '\u0000', '"', '\\', '{}', '💥', 'a'.repeat(3000), '../../etc/passwd', '%s%n', '<script>', 'NaN', '-1', 'null', '/fuzz/group', 'pool-1', '+14254147755', '+447860019066', 'arn:aws:logs:us-east-1:123456789012:log-group:/fuzz/group', 'ACTIVE', 'TRANSACTIONAL', 'US', 'SIMULATOR', 's'];
const NASTY_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, [], {}, [null], {a: {b: {c: []}}}, 'x'];

export interface ModelFuzzer {
	random(): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
	int(lo: number, hi: number): number;
	/** A value for `shapeName`: mostly plausible, sometimes deliberately wrong. */
	generate(model: ServiceModel, shapeName: string, depth?: number): unknown;
}

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function modelFuzzer(seed: number): ModelFuzzer {
	const random = prng(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const chance = (p: number) => random() < p;
	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

	function randomString(shape: ShapeDef): string {
		if (shape.enum && chance(0.8)) return pick(shape.enum);
		if (chance(0.4)) return pick(NASTY_STRINGS);
		const lo = Math.max(shape.min ?? 1, 0);
		const hi = Math.min(shape.max ?? 24, lo + 24);
		const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/.';
		return Array.from({length: int(lo, Math.max(lo, hi))}, () => pick([...alphabet])).join('');
	}

	function generate(model: ServiceModel, shapeName: string, depth = 0): unknown {
		const shape = model.shapes[shapeName];
		if (!shape || depth > 6) return null;
		if (chance(0.05)) return pick(NASTY_VALUES);
		switch (shape.type) {
			case 'structure': {
				const out: Record<string, unknown> = {};
				for (const [name, ref] of Object.entries(shape.members ?? {})) {
					const required = shape.required?.includes(name);
					if (required ? chance(0.93) : chance(0.35)) out[name] = generate(model, ref.shape, depth + 1);
				}
				if (chance(0.05)) out.UnknownMember = 'ignored';
				return out;
			}
			case 'list':
				return Array.from({length: chance(0.1) ? int(0, 30) : int(1, 3)}, () => generate(model, shape.member!, depth + 1));
			case 'map': {
				const out: Record<string, unknown> = {};
				for (let i = int(0, 3); i > 0; i--) out[String(generate(model, shape.key!, depth + 1))] = generate(model, shape.value!, depth + 1);
				return out;
			}
			case 'string':
				return randomString(shape);
			case 'integer':
			case 'long':
				return chance(0.8) ? int(shape.min ?? 0, Math.min(shape.max ?? 100, (shape.min ?? 0) + 100)) : pick([-5, 0, 2 ** 31, 1.5, 1e20]);
			case 'double':
			case 'float':
				return random() * 100;
			case 'boolean':
				return chance(0.9) ? chance(0.5) : 'true';
			case 'timestamp':
				return chance(0.5) ? Date.now() / 1000 : pick([0, -1, 'yesterday']);
			case 'blob':
				return Buffer.from('fuzz').toString('base64');
			default:
				return null;
		}
	}

	return {random, pick, chance, int, generate};
}
