// Unicode machinery that is built on first use instead of when a module loads. Making an Intl.Segmenter or
// Intl.Collator loads ICU data, and compiling a regular expression with Unicode properties (\p{RGI_Emoji}) builds
// its character sets: some 10 ms each on a bastion-sized machine, paid before the first frame when a module does
// it at its top level although the console's first screen never needs them. source/tools/build.mjs also swaps
// these in for the top-level ones of string-width, wrap-ansi, slice-ansi, ansi-tokenize and Ink's line updates.

/** An Intl.Segmenter made when it first segments. */
export class LazySegmenter {
	#real: Intl.Segmenter | undefined;
	readonly #locales: Intl.LocalesArgument;
	readonly #options: Intl.SegmenterOptions | undefined;

	constructor(locales?: Intl.LocalesArgument, options?: Intl.SegmenterOptions) {
		this.#locales = locales;
		this.#options = options;
	}

	#segmenter(): Intl.Segmenter {
		this.#real ??= new Intl.Segmenter(this.#locales, this.#options);
		return this.#real;
	}

	segment(input: string): Intl.Segments {
		return this.#segmenter().segment(input);
	}

	resolvedOptions(): Intl.ResolvedSegmenterOptions {
		return this.#segmenter().resolvedOptions();
	}
}

/** An Intl.Collator's compare, the collator made on the first comparison. */
export function lazyCompare(locales?: Intl.LocalesArgument, options?: Intl.CollatorOptions): (a: string, b: string) => number {
	let collator: Intl.Collator | undefined;
	return (a, b) => {
		collator ??= new Intl.Collator(locales, options);
		return collator.compare(a, b);
	};
}

/**
 * A regular expression compiled when first used. It stands in for the RegExp wherever one is used through its
 * methods or handed to a string method (test, exec, lastIndex, match, matchAll, replace, search, split): every
 * property read and write goes to the real one. `instanceof RegExp` is false.
 */
export function lazyRegExp(source: string, flags?: string): RegExp {
	let real: RegExp | undefined;
	const regExp = () => {
		real ??= new RegExp(source, flags);
		return real;
	};
	return new Proxy({} as RegExp, {
		get(_target, key) {
			const target = regExp();
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
		set(_target, key, value) {
			return Reflect.set(regExp(), key, value);
		},
		has(_target, key) {
			return Reflect.has(regExp(), key);
		},
	});
}
