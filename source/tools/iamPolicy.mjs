// Derives the IAM actions smsdeck needs from the code itself: every SDK command the services send, plus the
// dependent actions the Service Authorization Reference lists for them (source/iam/dependentActions.mjs) when
// the call sends the member that needs them.
//   node source/tools/iamPolicy.mjs          writes source/iam/smsdeck-read-only.json and smsdeck-operator.json
//   node source/tools/iamPolicy.mjs --check  exits 1 when the committed policies differ from the code
// A test runs the check, so a new call without its permission fails CI.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {DEPENDENT_ACTIONS} from '../iam/dependentActions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SERVICES = [
	{prefix: 'sms-voice', pkg: '@aws-sdk/client-pinpoint-sms-voice-v2', accessor: /\bsmsModule\(\)|client-pinpoint-sms-voice-v2/},
	{prefix: 'logs', pkg: '@aws-sdk/client-cloudwatch-logs', accessor: /\blogsModule\(\)|client-cloudwatch-logs/},
	{prefix: 'sts', pkg: '@aws-sdk/client-sts', accessor: /client-sts/},
	{prefix: 'cloudwatch', pkg: '@aws-sdk/client-cloudwatch', accessor: /\bcloudwatchModule\(\)|client-cloudwatch(?!-logs)/},
	// Pinpoint (End User Messaging Push): IAM prefix mobiletargeting.
	{prefix: 'mobiletargeting', pkg: '@aws-sdk/client-pinpoint', accessor: /\bpinpointModule\(\)|client-pinpoint(?!-sms)/},
];

function commandsOf(pkg) {
	const dir = join(root, 'node_modules', pkg, 'dist-types', 'commands');
	return new Set(readdirSync(dir).filter(f => f.endsWith('Command.d.ts')).map(f => f.slice(0, -'Command.d.ts'.length)));
}

function sourceFiles(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(e => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The text of the balanced (…) group that starts at `open` (the index of "("), without the parentheses. */
function groupAt(text, open) {
	let depth = 0;
	let quote;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = undefined;
			continue;
		}
		if (c === "'" || c === '"' || c === '`') quote = c;
		else if (c === '(' || c === '{' || c === '[') depth++;
		else if (c === ')' || c === '}' || c === ']') {
			depth--;
			if (depth === 0) return text.slice(open + 1, i);
		}
	}
	return text.slice(open + 1);
}

/**
 * The top-level member names of an object literal written as a command's input (`{Tags: [...], PoolId}`), or
 * undefined when they cannot be read from the text: a variable, a spread, a computed key.
 */
export function literalMembers(argument) {
	const text = argument.trim();
	if (!text.startsWith('{')) return undefined;
	const members = new Set();
	let depth = 0;
	let quote;
	let token = '';
	let expectKey = true;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = undefined;
			continue;
		}
		if (c === "'" || c === '"' || c === '`') {
			quote = c;
			continue;
		}
		// A computed key ([name]: …) cannot be read.
		if (c === '[' && depth === 1 && expectKey) return undefined;
		if (c === '{' || c === '[' || c === '(') {
			depth++;
			continue;
		}
		if (c === '}' || c === ']' || c === ')') {
			depth--;
			if (depth === 0 && expectKey && token) members.add(token);
			continue;
		}
		if (depth !== 1) continue;
		if (expectKey) {
			if (c === '.' && text.startsWith('...', i)) return undefined;
			if (/[A-Za-z0-9_$]/.test(c)) token += c;
			else if (c === ':' || c === ',') {
				if (token) members.add(token);
				token = '';
				if (c === ':') expectKey = false;
			}
		} else if (c === ',') expectKey = true;
	}
	return members;
}

/**
 * Every action the services call, as "service:Operation": the files that call it, the request members any
 * call sends (from the `new XCommand({...})` literals), and the files where the members cannot be read.
 */
export function scanCalls() {
	const known = SERVICES.map(s => ({...s, commands: commandsOf(s.pkg)}));
	const calls = new Map();
	for (const file of sourceFiles(join(root, 'source', 'services'))) {
		const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
		const used = known.filter(s => s.accessor.test(text));
		const relative = file.slice(root.length + 1);
		for (const match of text.matchAll(/\b([A-Z][A-Za-z0-9]+)Command\b/g)) {
			const op = match[1];
			const owners = used.filter(s => s.commands.has(op));
			if (owners.length === 0) continue;
			if (owners.length > 1) throw new Error(`${file}: ${op} exists in several SDK clients used there; split the file`);
			const action = `${owners[0].prefix}:${op}`;
			const call = calls.get(action) ?? {files: [], members: new Set(), unreadable: []};
			if (!call.files.includes(relative)) call.files.push(relative);
			calls.set(action, call);
			const after = text.slice(match.index + match[0].length);
			const isNew = /\bnew\s+(?:[\w$]+\.)?$/.test(text.slice(Math.max(0, match.index - 40), match.index));
			if (!isNew) continue;
			const open = /^\s*\(/.exec(after);
			const members = open ? literalMembers(groupAt(after, after.indexOf('('))) : undefined;
			if (members) for (const m of members) call.members.add(m);
			else call.unreadable.push(relative);
		}
	}
	return calls;
}

/** Every action the services call, as "service:Operation", with the files that call it. */
export function scanActions() {
	return new Map([...scanCalls()].map(([action, call]) => [action, call.files]));
}

/**
 * The dependent actions the calls need: action → the calling actions that need it. A call whose members cannot
 * be read is an error when its action has dependent actions that depend on a member.
 */
export function dependentActions(calls = scanCalls(), table = DEPENDENT_ACTIONS) {
	const needed = new Map();
	for (const [action, call] of calls) {
		for (const rule of table[action] ?? []) {
			if (rule.when !== null && call.unreadable.length > 0) {
				throw new Error(
					`${call.unreadable.join(', ')}: cannot read which members ${action} is sent with, and ${rule.actions.join(', ')} depends on ${rule.when.join(' or ')}; write the input as an object literal without spreads`,
				);
			}
			if (rule.when !== null && !rule.when.some(m => call.members.has(m))) continue;
			for (const dependent of rule.actions) needed.set(dependent, [...(needed.get(dependent) ?? []), action]);
		}
	}
	return needed;
}

export function isReadAction(action) {
	const op = action.split(':')[1];
	return /^(Describe|List|Get|Filter)/.test(op) || ['StartLiveTail', 'StartQuery', 'StopQuery'].includes(op);
}

function policy(sid, actions) {
	// A role handed to the service (an event destination's, a two-way channel's) may only be passed to sms-voice.
	const passRole = actions.includes('iam:PassRole');
	return {
		Version: '2012-10-17',
		Statement: [
			{Sid: sid, Effect: 'Allow', Action: actions.filter(a => a !== 'iam:PassRole').sort(), Resource: '*'},
			...(passRole
				? [{Sid: 'SmsdeckPassRoleToSmsVoice', Effect: 'Allow', Action: ['iam:PassRole'], Resource: '*', Condition: {StringEquals: {'iam:PassedToService': 'sms-voice.amazonaws.com'}}}]
				: []),
		],
	};
}

export function buildPolicies() {
	const calls = scanCalls();
	const actions = [...calls.keys()];
	const dependents = dependentActions(calls);
	const withDependents = list => [...new Set([...list, ...[...dependents].filter(([, by]) => by.some(a => list.includes(a))).map(([d]) => d)])];
	return {
		'smsdeck-read-only.json': policy('SmsdeckBrowseAndTail', withDependents(actions.filter(isReadAction))),
		'smsdeck-operator.json': policy('SmsdeckOperate', withDependents(actions)),
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const check = process.argv.includes('--check');
	let stale = false;
	for (const [name, doc] of Object.entries(buildPolicies())) {
		const path = join(root, 'source', 'iam', name);
		const text = JSON.stringify(doc, null, 2) + '\n';
		if (check) {
			let current = '';
			try {
				current = readFileSync(path, 'utf8');
			} catch {}
			if (current !== text) {
				stale = true;
				process.stderr.write(`source/iam/${name} is out of date: run npm run iam\n`);
			}
		} else {
			writeFileSync(path, text);
			process.stdout.write(`source/iam/${name}: ${doc.Statement.reduce((n, st) => n + st.Action.length, 0)} actions\n`);
		}
	}
	process.exit(stale ? 1 : 0);
}
