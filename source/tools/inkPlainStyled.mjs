// Texts Ink's cleaning of frame text (ink/build/sanitize-ansi.js) gives back unchanged: printable characters and
// colour (SGR) sequences, with no control character and no combining mark (the two things the cleaning changes) and
// no ':' in an SGR sequence (which it rewrites). The bundle returns such a text at once (source/tools/build.mjs);
// test/unit/inkSanitizeFastPath.test.ts holds the pattern to Ink's own answer.
export const INK_PLAIN_STYLED = String.raw`^(?:[\x20-\x7e\u00a0-\u00ff\u2010-\u205e\u2190-\u23ff\u2500-\u27bf]|\x1b\[[\d;]*m)*$`;
