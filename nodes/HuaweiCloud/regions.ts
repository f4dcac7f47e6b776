/** The regions that host Huawei Cloud OCR (reference §2), with the names the console shows. */

export type HuaweiSite = 'cn' | 'intl';

export interface OcrRegion {
	/** Region id, e.g. `ap-southeast-2`. */
	id: string;
	/** Console name, e.g. `AP-Bangkok`. */
	name: string;
	site: HuaweiSite;
	/**
	 * An OCR API hosted in this region, used by the credential test to tell "not subscribed" apart
	 * (an empty request is answered with AIS.0101 when subscribed and ModelArts.4204 when not, and
	 * neither is billed). Undefined where the reference could not confirm any API.
	 */
	probeOperation?: { path: string; name: string };
}

const GENERAL_TEXT = { path: 'general-text', name: 'General Text' };
const GENERAL_TABLE = { path: 'general-table', name: 'General Table' };
const WEB_IMAGE = { path: 'web-image', name: 'Web Image' };

export const OCR_REGIONS: readonly OcrRegion[] = [
	{ id: 'af-south-1', name: 'AF-Johannesburg', site: 'intl', probeOperation: WEB_IMAGE },
	{ id: 'ap-southeast-1', name: 'CN-Hong Kong', site: 'intl', probeOperation: GENERAL_TEXT },
	{ id: 'ap-southeast-2', name: 'AP-Bangkok', site: 'intl', probeOperation: WEB_IMAGE },
	{ id: 'ap-southeast-3', name: 'AP-Singapore', site: 'intl', probeOperation: GENERAL_TABLE },
	{ id: 'cn-east-3', name: 'CN East-Shanghai1', site: 'cn', probeOperation: GENERAL_TEXT },
	{ id: 'cn-north-1', name: 'CN North-Beijing1', site: 'cn' },
	{ id: 'cn-north-4', name: 'CN North-Beijing4', site: 'cn', probeOperation: GENERAL_TEXT },
	{ id: 'cn-south-1', name: 'CN South-Guangzhou', site: 'cn', probeOperation: WEB_IMAGE },
	{ id: 'cn-southwest-2', name: 'CN Southwest-Guiyang1', site: 'cn' },
	{ id: 'la-north-2', name: 'LA-Mexico City2', site: 'intl', probeOperation: { path: 'colombia-id-card', name: 'Colombia ID Card' } },
	{ id: 'la-south-2', name: 'LA-Santiago', site: 'intl', probeOperation: { path: 'chile-id-card', name: 'Chile ID Card' } },
];

/** A region ID: lower-case letters, digits and hyphens, e.g. `ap-southeast-3` or `eu-west-101`; nothing that could change a host name. */
const REGION_ID = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionId(value: string): boolean {
	return REGION_ID.test(value);
}

export const REGION_ID_HINT = 'Use a region ID such as ap-southeast-3 or cn-north-4 (lower-case letters, digits and hyphens), as listed under My Credentials → API Credentials.';

export function regionById(id: string): OcrRegion | undefined {
	return OCR_REGIONS.find((region) => region.id === id);
}

/** `AP-Bangkok (ap-southeast-2)`. */
export function regionLabel(region: OcrRegion): string {
	return `${region.name} (${region.id})`;
}
