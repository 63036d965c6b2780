// Derives the IAM actions smsdeck needs from the code itself: every SDK command the services send.
//   node source/tools/iamPolicy.mjs          writes source/iam/smsdeck-read-only.json and smsdeck-operator.json
//   node source/tools/iamPolicy.mjs --check  exits 1 when the committed policies differ from the code
// A test runs the check, so a new call without its permission fails CI.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SERVICES = [
	{prefix: 'sms-voice', pkg: '@aws-sdk/client-pinpoint-sms-voice-v2', accessor: /\bsmsModule\(\)|client-pinpoint-sms-voice-v2/},
	{prefix: 'logs', pkg: '@aws-sdk/client-cloudwatch-logs', accessor: /\blogsModule\(\)|client-cloudwatch-logs/},
	{prefix: 'sts', pkg: '@aws-sdk/client-sts', accessor: /client-sts/},
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

/** Every action the services call, as "service:Operation", with the files that call it. */
export function scanActions() {
	const known = SERVICES.map(s => ({...s, commands: commandsOf(s.pkg)}));
	const actions = new Map();
	for (const file of sourceFiles(join(root, 'source', 'services'))) {
		const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
		const used = known.filter(s => s.accessor.test(text));
		for (const match of text.matchAll(/\b([A-Z][A-Za-z0-9]+)Command\b/g)) {
			const op = match[1];
			const owners = used.filter(s => s.commands.has(op));
			if (owners.length === 0) continue;
			if (owners.length > 1) throw new Error(`${file}: ${op} exists in several SDK clients used there; split the file`);
			const action = `${owners[0].prefix}:${op}`;
			actions.set(action, [...(actions.get(action) ?? []), file.slice(root.length + 1)]);
		}
	}
	return actions;
}

export function isReadAction(action) {
	const op = action.split(':')[1];
	return /^(Describe|List|Get|Filter)/.test(op) || op === 'StartLiveTail';
}

function policy(sid, actions) {
	return {
		Version: '2012-10-17',
		Statement: [{Sid: sid, Effect: 'Allow', Action: [...actions].sort(), Resource: '*'}],
	};
}

export function buildPolicies() {
	const actions = [...scanActions().keys()];
	return {
		'smsdeck-read-only.json': policy('SmsdeckBrowseAndTail', actions.filter(isReadAction)),
		'smsdeck-operator.json': policy('SmsdeckOperate', actions),
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
			process.stdout.write(`source/iam/${name}: ${doc.Statement[0].Action.length} actions\n`);
		}
	}
	process.exit(stale ? 1 : 0);
}
