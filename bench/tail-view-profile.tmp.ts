import React from 'react';
import {render} from 'ink-testing-library';
import {TailModel, type LogLine} from '../source/domain/tailModel.js';
import {TailList} from '../source/views/tail/TailList.js';
import {eventColumns} from '../source/views/tail/tailColumns.js';
const STATUSES = [['TEXT_PENDING','PENDING',false],['TEXT_SUCCESSFUL','SUCCESSFUL',false],['TEXT_DELIVERED','DELIVERED',true],['TEXT_CARRIER_UNREACHABLE','CARRIER_UNREACHABLE',true]] as const;
function record(i: number, now: number): string {
	const [eventType, messageStatus, isFinal] = STATUSES[i % 4];
	return JSON.stringify({eventType, eventVersion: '1.0', eventTimestamp: now, isFinal, originationPhoneNumber: '+12065550100', destinationPhoneNumber: i % 4 === 3 ? '+14254147167' : '+14254147755', isoCountryCode: 'US', messageId: `bench-${Math.floor(i / 4).toString().padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`, messageRequestTimestamp: now - 500, messageEncoding: 'GSM', messageType: 'TRANSACTIONAL', messageStatus, messageStatusDescription: 'bench', totalMessageParts: 1, totalMessagePrice: 0.00581, totalCarrierFee: 0.003});
}
const list = (rows: any[]) => React.createElement(TailList<any>, {columns: eventColumns, rows, selected: -1, width: 160, height: 36, isActive: true, emptyText: 'waiting'});
const model = new TailModel(10_000);
const ui = render(list([]));
// A terminal of 160×40, as the title says. ink-testing-library's stdout has 100 columns and no rows, and for a
// stdout without rows Ink asks \`tput\` (a child process, synchronously) on every frame: that measured tput, which
// the console on a real terminal never runs.
Object.defineProperties(ui.stdout, {columns: {value: 160, configurable: true}, rows: {value: 40, configurable: true}});
ui.stdout.emit('resize');
const now = Date.now();
let fed = 0;
const times: number[] = [];
const tAppend: number[] = [];
for (let f = 0; f < Number(process.env.FRAMES ?? 80); f++) {
	const batch: LogLine[] = [];
	for (let k = 0; k < 200; k++, fed++) batch.push({timestamp: now, ingestionTime: now, logStreamName: 's', message: record(fed, now)});
	let t = performance.now();
	model.append(batch);
	tAppend.push(performance.now() - t);
	t = performance.now();
	ui.rerender(list(model.snapshot().rows));
	times.push(performance.now() - t);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(1);
const mu = process.memoryUsage(); console.log('heapUsed', Math.round(mu.heapUsed/1e6), 'heapTotal', Math.round(mu.heapTotal/1e6), 'ext', Math.round(mu.external/1e6), 'frames kept', (ui.stdout as any).frames.length, (ui.stdout as any).frames.reduce((a: number, f: string) => a + f.length, 0));
(globalThis as any).gc?.(); const m2 = process.memoryUsage(); console.log('after gc heapUsed', Math.round(m2.heapUsed/1e6), 'rss', Math.round(m2.rss/1e6));
console.log('frame median', med(times.slice(50)), 'append(200) median', med(tAppend.slice(50)), 'rss', Math.round(process.memoryUsage().rss / 1e6));
process.exit(0);
