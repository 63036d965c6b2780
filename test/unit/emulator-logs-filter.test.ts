// The emulator's CloudWatch Logs filter patterns: `%regex%` and space-delimited `[…]` forms (and the regex value in
// JSON patterns), matched and refused as the CloudWatch Logs guide describes them.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {compileFilterPattern, FilterPatternError} from '../../source/emulator/logs/filterPattern.js';
import {splitLogFields} from '../../source/emulator/logs/delimitedPattern.js';

/** Which of `lines` the pattern keeps. */
const kept = (pattern: string, lines: string[]) => {
	const matches = compileFilterPattern(pattern);
	return lines.filter(line => matches(line));
};

/** The message the emulator answers for a pattern it refuses. */
const refusal = (pattern: string) => {
	try {
		compileFilterPattern(pattern);
	} catch (error) {
		assert.ok(error instanceof FilterPatternError, `not a pattern error: ${error}`);
		return error.message;
	}
	return assert.fail(`${pattern} was accepted`);
};

const apache = [
	'127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
	'127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /products/index.html HTTP/1.0" 404 5324',
	'10.0.0.9 - - [10/Oct/2000:13:50:35 -0700] "POST /login HTTP/1.0" 403 12',
];

describe('regex patterns %…%', () => {
	const lines = ['[ERROR 401] UNAUTHORIZED REQUEST', '[SUCCESS 200] AUTHORIZED REQUEST', 'color ok', 'colour ok', 'aaaa', 'hat at start', 'the cat'];

	test('search anywhere in the message, with the documented operators', () => {
		assert.deepEqual(kept('%AUTHORIZED%', lines), lines.slice(0, 2));
		assert.deepEqual(kept('%colou?r%', lines), ['color ok', 'colour ok']);
		assert.deepEqual(kept('%^[hc]at%', lines), ['hat at start']);
		assert.deepEqual(kept('%[hc]at$%', lines), ['the cat']);
		assert.deepEqual(kept('%a{3,5}%', lines), ['aaaa']);
		assert.deepEqual(kept('%ERROR|SUCCESS%', lines), lines.slice(0, 2));
		assert.deepEqual(kept('%\\[ERROR\\s\\d+\\]%', lines), ['[ERROR 401] UNAUTHORIZED REQUEST']);
		assert.deepEqual(kept('%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%', [...apache, 'no address']), apache);
		assert.deepEqual(kept('%^10\\.%', apache), [apache[2]]);
		// Case-sensitive, as every filter pattern is.
		assert.deepEqual(kept('%authorized%', lines), []);
		// An unsupported character is named with a hexadecimal escape: \x28 is "(".
		assert.deepEqual(kept('%f\\x28x\\x29%', ['f(x)', 'fx']), ['f(x)']);
	});

	test('characters outside the subset are refused with the term named', () => {
		assert.equal(refusal('%something!%'), "Invalid filter pattern: Invalid character(s) in term '%something!%'");
		// Parentheses are not supported, not even escaped.
		assert.equal(refusal('%(a|b)c%'), "Invalid filter pattern: Invalid character(s) in term '%(a|b)c%'");
		assert.equal(refusal('%\\(a%'), "Invalid filter pattern: Invalid character(s) in term '%\\(a%'");
		assert.equal(refusal('%café%'), "Invalid filter pattern: Invalid character(s) in term '%café%'");
		assert.equal(refusal('%two words%'), "Invalid filter pattern: Invalid character(s) in term '%two words%'");
		assert.equal(refusal('%%'), "Invalid filter pattern: Invalid character(s) in term '%%'");
		assert.match(refusal('%[a-%'), /^Invalid filter pattern: Invalid regular expression in term '%\[a-%'$/);
		// A regex is a pattern of its own: beside other terms it is a term with invalid characters.
		assert.equal(refusal('ERROR %time.*out%'), "Invalid filter pattern: Invalid character(s) in term '%time.*out%'");
	});

	test('a quoted term with % is a literal phrase, not a regex', () => {
		assert.deepEqual(kept('"disk 95%"', ['disk 95% full', 'disk 9 full']), ['disk 95% full']);
	});
});

describe('regex values in JSON patterns', () => {
	const docs = ['{"eventType":"UpdateTrail","code":404}', '{"eventType":"CreateTrail","code":200}', '{"eventType":["x"],"code":"500"}'];

	test('= and != search the field text', () => {
		assert.deepEqual(kept('{ $.eventType = %^Update% }', docs), [docs[0]]);
		assert.deepEqual(kept('{ $.eventType != %^Update% }', docs), [docs[1]]);
		assert.deepEqual(kept('{ $.code = %^[45]\\d\\d$% }', docs), [docs[0], docs[2]]);
		assert.deepEqual(kept('{ $.eventType = %Trail$% && $.code > 300 }', docs), [docs[0]]);
	});

	test('at most 2 regex per pattern; only = and !=', () => {
		assert.equal(
			refusal('{ $.a = %x% || $.b = %y% || $.c = %z% }'),
			'Invalid filter pattern: A filter pattern can contain at most 2 regular expressions, found 3',
		);
		assert.doesNotThrow(() => compileFilterPattern('{ $.a = %x% || $.b = %y% }'));
		assert.match(refusal('{ $.a > %1% }'), /^Invalid filter pattern/);
		assert.equal(refusal('{ $.a = %a!% }'), "Invalid filter pattern: Invalid character(s) in term '%a!%'");
		assert.equal(refusal('{ $.a = 1'), "If a filter pattern starts with '{' it must end with '}'");
	});
});

describe('space-delimited patterns […]', () => {
	test('log lines split at spaces, "quoted" and [bracketed] text as one field', () => {
		assert.deepEqual(splitLogFields(apache[0]), ['127.0.0.1', '-', 'frank', '10/Oct/2000:13:25:15 -0700', 'GET /apache_pb.gif HTTP/1.0', '200', '1534']);
		assert.deepEqual(splitLogFields('  a  "b c"  [d e]'), ['a', 'b c', 'd e']);
	});

	test('every field named: the line must have that many fields', () => {
		assert.deepEqual(kept('[ip, user, username, timestamp, request, status_code, bytes]', [...apache, 'too few fields']), apache);
		assert.deepEqual(kept('[ip, user, username, timestamp, request, status_code]', apache), []);
	});

	test('... stands for any number of fields', () => {
		assert.deepEqual(kept('[..., status_code, bytes]', [...apache, 'x']), apache);
		assert.deepEqual(kept('[ip, user, ...]', ['a b', 'a b c d', 'a']), ['a b', 'a b c d']);
		assert.deepEqual(kept('[ip, user, ..., status_code = 404, bytes > 1000]', apache), [apache[1]]);
		assert.deepEqual(kept('[ip, ..., status_code = 403, ...]', apache), [apache[2]]);
	});

	test('string conditions with * wildcards, numeric comparisons, && and ||', () => {
		const fields = '[ip, user, username, timestamp, request, status_code, bytes]';
		const withCondition = (slot: string, condition: string) => fields.replace(slot, condition);
		assert.deepEqual(kept(withCondition('status_code', 'status_code = 4*'), apache), apache.slice(1));
		assert.deepEqual(kept(withCondition('request', 'request = *html*'), apache), [apache[1]]);
		assert.deepEqual(kept(withCondition('status_code', 'status_code = 4* && status_code != 403'), apache), [apache[1]]);
		assert.deepEqual(kept(withCondition('bytes', 'bytes >= 5324'), apache), [apache[1]]);
		assert.deepEqual(kept(withCondition('bytes', 'bytes < 100'), apache), [apache[2]]);
		assert.deepEqual(kept(withCondition('bytes', 'bytes <= 1534'), apache), [apache[0], apache[2]]);
		assert.deepEqual(kept(withCondition('status_code', 'status_code != 200'), apache), apache.slice(1));
		assert.deepEqual(kept(withCondition('ip', 'ip = "10.0.0.9"'), apache), [apache[2]]);
		assert.deepEqual(kept(withCondition('username', 'username = -'), apache), [apache[2]]);
		const words = ['ERROR WARN message', 'ERROR message', 'WARN message', 'INFO message'];
		assert.deepEqual(kept('[w1=ERROR, w2]', words), ['ERROR message']);
		assert.deepEqual(kept('[w1=ERROR || w1=WARN, w2]', words), ['ERROR message', 'WARN message']);
		assert.deepEqual(kept('[w1 = ERROR || w1 = INFO && w1 != INFO, ...]', words), words.slice(0, 2));
		// A field that is not a number never equals a number, and differs from it.
		assert.deepEqual(kept('[a, b > 1]', ['x -', 'x 2']), ['x 2']);
		assert.deepEqual(kept('[a, b != 1]', ['x -', 'x 1']), ['x -']);
	});

	test('an empty slot is one unnamed field; regex in fields', () => {
		assert.deepEqual(kept('[..., request = *.html*, status_code = 4*,]', apache), [apache[1]]);
		assert.deepEqual(kept('[..., request = %^POST%, status_code, bytes]', apache), [apache[2]]);
		assert.deepEqual(kept('[ip = %^127\\.%, ..., status_code != %^2%, bytes]', apache), [apache[1]]);
		assert.deepEqual(kept('[ip, ..., request = "GET /apache_pb.gif HTTP/1.0", ...]', apache), [apache[0]]);
	});

	test('malformed patterns are refused', () => {
		assert.equal(refusal('[ip, user, ...'), "If a filter pattern starts with '[' it must end with ']'");
		// The guide's old example: a condition on a field other than the slot's own.
		assert.equal(refusal('[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]'), 'Invalid filter pattern');
		assert.equal(refusal('[a = %x%, b = %y%, c = %z%]'), 'Invalid filter pattern: A filter pattern can contain at most 2 regular expressions, found 3');
		assert.equal(refusal('[a = %x!%, b]'), "Invalid filter pattern: Invalid character(s) in term '%x!%'");
		for (const bad of ['[]', '[a, b > x]', '[a = ]', '[a =, b]', '[a b]', '[a, "b]', '[a = %x, b]', '[a && b = 1]', '[a > %1%]', '[1a, b]']) {
			assert.match(refusal(bad), /^Invalid filter pattern/, bad);
		}
	});
});
