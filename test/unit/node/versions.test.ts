/**
 * Saved workflows keep their node's typeVersion and its parameter values. The parameters of every
 * released version are pinned in test/unit/node/pinned/ (name and display rules, type, default,
 * option values); a change that would break a saved v1 workflow fails here and has to ship as a
 * new node version instead (README "Versioning"). Additions are fine.
 */
import { readFileSync } from '../../nodejs/fs.cjs';
import type { INodeProperties } from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudOcr } from '../../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';
import {
	breakingChanges,
	type ParameterContract,
	parameterContract,
	versionsOf,
} from '../../harness/parameterContract';
import { CREDENTIAL_PIN_FILE, nodePinFile } from '../../harness/pinParameters';

const { description } = new HuaweiCloudOcr();
const readPin = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ParameterContract;

describe('node versions', () => {
	it('are declared as a list, with new nodes getting the newest', () => {
		expect(versionsOf(description)).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	it.each(versionsOf(description))('v%i keeps every pinned parameter, type, default and option value', (version) => {
		const problems = breakingChanges(readPin(nodePinFile(version)), parameterContract(description.properties, version));
		expect(problems).toEqual([]);
	});

	it('v1 pins the parameters a saved v1 workflow relies on', () => {
		const v1 = readPin(nodePinFile(1));
		expect(v1.resource).toEqual(expect.objectContaining({ type: 'options', default: 'textAndTables' }));
		expect(v1['operation [show:resource="textAndTables"]']).toEqual(expect.objectContaining({ default: 'generalText' }));
		expect(Object.keys(v1).length).toBeGreaterThan(50);
	});
});

describe('the credential', () => {
	it('keeps every pinned field, type, default and option value (n8n does not version credentials)', () => {
		const problems = breakingChanges(readPin(CREDENTIAL_PIN_FILE), parameterContract(new HuaweiCloudApi().properties));
		expect(problems).toEqual([]);
	});
});

describe('the pin check', () => {
	const v1 = () => description.properties.map((property) => ({ ...property }));
	const pinned = parameterContract(description.properties, 1);
	const changed = (change: (properties: INodeProperties[]) => INodeProperties[]) =>
		breakingChanges(pinned, parameterContract(change(v1()), 1));

	it('reports a renamed parameter, a new default, a changed type and a removed option value', () => {
		expect(
			changed((properties) =>
				properties.map((property) => (property.name === 'resource' ? { ...property, name: 'category' } : property)),
			),
		).toContain('resource: removed, renamed or its display rules changed');
		expect(
			changed((properties) =>
				properties.map((property) => (property.name === 'resource' ? { ...property, default: 'vehicle' } : property)),
			),
		).toContain('resource: default "textAndTables" became "vehicle"');
		expect(
			changed((properties) =>
				properties.map((property) => (property.name === 'resource' ? { ...property, type: 'string' } : property)),
			),
		).toEqual(expect.arrayContaining(['resource: type options became string']));
		expect(
			changed((properties) =>
				properties.map((property) =>
					property.name === 'resource'
						? { ...property, options: property.options!.filter((option) => 'value' in option && option.value !== 'vehicle') }
						: property,
				),
			),
		).toContain('resource: option values removed: "vehicle"');
	});

	it('accepts a new parameter, and a v2-only change hidden from v1 by an @version display rule', () => {
		const withV2 = (properties: INodeProperties[]): INodeProperties[] => [
			...properties.map((property) =>
				property.name === 'resource'
					? { ...property, displayOptions: { show: { '@version': [1] } } }
					: property,
			),
			{ ...properties[0], default: 'vehicle', displayOptions: { show: { '@version': [2] } } },
			{ displayName: 'New Switch', name: 'newSwitch', type: 'boolean', default: false },
		];
		expect(changed(withV2)).toEqual([]);
		expect(parameterContract(withV2(v1()), 2).resource).toEqual(expect.objectContaining({ default: 'vehicle' }));
	});
});
