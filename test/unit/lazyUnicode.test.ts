import {test} from 'node:test';
import assert from 'node:assert/strict';
import {LazySegmenter, lazyCompare, lazyRegExp} from '../../source/domain/lazyUnicode.js';

// The bundle swaps these in for string-width's, wrap-ansi's and Ink's own (source/tools/build.mjs): each use they
// make must answer exactly as the real thing.
test('a lazy regular expression answers every way string-width and Ink use one, as the real one does', () => {
	const cases: Array<[string, string]> = [
		['[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]', 'v'],
		['^\\p{RGI_Emoji}$', 'v'],
		['\\p{Extended_Pictographic}', 'gu'],
		['\\p{Control}', 'u'],
	];
	const texts = ['', 'abc', '\u200Bx', '👍', '👩‍👩‍👧', 'e\u0301', '\u0007bell', '日本語', '#\u20E3', '❤️‍🔥 and 🇬🇧'];
	for (const [source, flags] of cases) {
		for (const text of texts) {
			const real = new RegExp(source, flags);
			const lazy = lazyRegExp(source, flags);
			const what = `/${source}/${flags} on ${JSON.stringify(text)}`;
			assert.equal(lazy.test(text), new RegExp(source, flags).test(text), `test ${what}`);
			assert.equal(text.search(lazy), text.search(real), `search ${what}`);
			assert.deepEqual(text.match(lazyRegExp(source, flags)), text.match(new RegExp(source, flags)), `match ${what}`);
			assert.equal(text.replace(lazyRegExp(source, flags), '_'), text.replace(new RegExp(source, flags), '_'), `replace ${what}`);
			assert.deepEqual(text.split(lazyRegExp(source, flags)), text.split(new RegExp(source, flags)), `split ${what}`);
			if (flags.includes('g')) {
				assert.deepEqual([...text.matchAll(lazyRegExp(source, flags))].map(m => [m[0], m.index]), [...text.matchAll(new RegExp(source, flags))].map(m => [m[0], m.index]), `matchAll ${what}`);
			}
		}
	}
	const sticky = lazyRegExp('\\p{L}', 'gu');
	assert.equal(sticky.exec('a1b')?.[0], 'a');
	assert.equal(sticky.lastIndex, 1, 'lastIndex is the real one');
	sticky.lastIndex = 0;
	assert.equal(sticky.exec('a1b')?.[0], 'a', 'and can be set');
	assert.equal(sticky.flags, 'gu');
});

test('a lazy segmenter splits text as Intl.Segmenter does; a lazy compare sorts as Intl.Collator does', () => {
	const text = 'e\u0301 👩‍👩‍👧 日本 🇬🇧 ab';
	for (const options of [undefined, {granularity: 'grapheme'} as const, {granularity: 'word'} as const]) {
		assert.deepEqual(
			[...new LazySegmenter(undefined, options).segment(text)].map(s => [s.segment, s.index]),
			[...new Intl.Segmenter(undefined, options).segment(text)].map(s => [s.segment, s.index]),
		);
	}
	assert.equal(new LazySegmenter(undefined, {granularity: 'word'}).resolvedOptions().granularity, 'word');
	const words = ['item10', 'Item2', 'item1', 'éclair', 'eclair', 'Zulu'];
	const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
	assert.deepEqual([...words].sort(lazyCompare(undefined, {numeric: true, sensitivity: 'base'})), [...words].sort(collator.compare));
});
