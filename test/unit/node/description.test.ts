/**
 * The node's UI. The snapshot makes every change to parameters, labels, defaults and display rules
 * show up in review; the assertions pin what must hold whatever the snapshot says.
 */
import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { HuaweiCloudOcr } from '../../../nodes/HuaweiCloudOcr/HuaweiCloudOcr.node';

const { description } = new HuaweiCloudOcr();

it('matches the reviewed snapshot of its parameters', () => {
	expect(description.properties).toMatchSnapshot();
});

it('offers every catalog operation exactly once, under its resource', () => {
	const offered = description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map((option) => ({
				resource: property.displayOptions?.show?.resource?.[0],
				value: option.value,
			})),
		);

	expect(offered).toHaveLength(OPERATIONS.length);
	expect(offered).toEqual(
		expect.arrayContaining(
			OPERATIONS.map((operation) => ({ resource: operation.resource, value: operation.value })),
		),
	);
});

it('is a tool for AI agents and uses the Huawei Cloud credential', () => {
	expect(description.usableAsTool).toBe(true);
	expect(description.credentials).toEqual([{ name: 'huaweiCloudApi', required: true }]);
});

it('keeps the shared Options collection sorted and free of duplicate names', () => {
	const options = description.properties.find((property) => property.name === 'options')!
		.options as INodeProperties[];
	const names = options.map((option) => option.displayName);

	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	expect(new Set(options.map((option) => option.name)).size).toBe(options.length);
});
