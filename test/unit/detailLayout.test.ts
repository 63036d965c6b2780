import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cliHeight, detailHeight, layoutDetail, wrapCommand, type DetailField} from '../../source/components/detailLayout.js';
import {cellWidth} from '../../source/domain/textWidth.js';

const fields: DetailField[] = [
	{label: 'Number', value: '+17205550180'},
	{label: 'Id', value: 'phone-0696f31fcf99cf8f0faabce5b62e0b8b'},
	{label: 'Status', value: 'PENDING'},
	{label: 'Message type', value: 'PROMOTIONAL'},
	{label: 'Self-managed opt-outs', value: 'no'},
	{label: 'Registration', value: ''},
	{label: 'ARN', value: 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0696f31fcf99cf8f0faabce5b62e0b8b', full: true},
];

/** Every value as the pane shows it, continuation lines joined. */
function shownValues(width: number): string[] {
	const values: string[] = [];
	for (const line of layoutDetail(fields, width)) {
		for (const cell of line) {
			if (cell.label === '' && values.length > 0) values[values.length - 1] += cell.value;
			else values.push(cell.value);
			assert.ok(cellWidth(cell.value) <= cell.valueWidth, `"${cell.value}" fits its ${cell.valueWidth} cells`);
		}
		const used = line.reduce((a, c) => a + c.labelWidth + 1 + c.valueWidth, 0) + 2 * (line.length - 1);
		assert.ok(used <= width - 1, `a line of ${used} cells fits ${width}`);
	}
	return values;
}

test('every value is shown whole at every width, wrapped when a line is too short', () => {
	const expected = fields.map(f => f.value || '–');
	for (const width of [30, 60, 80, 100, 140, 220]) assert.deepEqual(shownValues(width), expected, `width ${width}`);
});

test('the most columns that fit whole: three at 140, one at 80', () => {
	assert.equal(layoutDetail(fields, 140)[0].length, 3);
	assert.equal(layoutDetail(fields, 80)[0].length, 1);
	assert.equal(detailHeight(fields, 140), 1 + 2 + 1);
});

test('the aws command wraps at spaces, keeps an option with its value, and loses no word', () => {
	const command = 'aws pinpoint-sms-voice-v2 describe-phone-numbers --phone-number-ids phone-0696f31fcf99cf8f0faabce5b62e0b8b --region us-east-1 --endpoint-url http://127.0.0.1:40679';
	assert.deepEqual(wrapCommand(command, 200), [command]);
	const lines = wrapCommand(command, 80);
	assert.equal(lines.join(' '), command);
	assert.ok(lines.every(l => cellWidth(l) <= 77));
	assert.ok(lines.some(l => l.includes('--endpoint-url http://127.0.0.1:40679')));
	assert.equal(cliHeight(command, 80), lines.length);
	// A word longer than a line is cut into pieces rather than dropped.
	assert.equal(wrapCommand(`aws x ${'y'.repeat(50)}`, 30).join('').replace(/ /g, ''), `awsx${'y'.repeat(50)}`);
});
