/**
 * The service downloads `url` inputs. No internet here, so:
 * - http://127.0.0.1 / localhost URLs are really fetched (tests serve files),
 * - https URLs registered with putUrl (and the built-in fixtures) are served from memory,
 * - OBS object URLs are served from an in-memory bucket store,
 * - anything else is unreachable → ModelArts.4603.
 */
import { get } from '../../nodejs/http.cjs';
import { errors } from '../errors';
import { builtInFixtures } from '../fixtures';

/** A 10,000,000-character Base64 text holds 7,500,000 bytes; we apply the same limit to downloads. */
export const MAX_FILE_BYTES = 7_500_000;

const OBS_HOST = /^([a-z0-9][a-z0-9.-]*)\.obs\.([a-z0-9-]+)\.myhuaweicloud\.com$/;

interface StoredObject {
	bytes: Buffer;
	publicRead: boolean;
}

interface Bucket {
	region: string;
	objects: Map<string, StoredObject>;
}

export interface DownloadPolicy {
	/** The region the OCR call is served in. */
	region: string;
	agencyMissing: boolean;
	timeoutMs: number;
}

export class Downloads {
	private readonly buckets = new Map<string, Bucket>();
	private readonly fakeUrls = new Map<string, Buffer>(builtInFixtures());

	putObject(bucket: string, region: string, key: string, bytes: Buffer, publicRead: boolean): void {
		let stored = this.buckets.get(bucket);
		if (!stored) {
			stored = { region, objects: new Map() };
			this.buckets.set(bucket, stored);
		}
		if (stored.region !== region) throw new Error(`Emulator: bucket ${bucket} already lives in ${stored.region}`);
		stored.objects.set(key, { bytes, publicRead });
	}

	putUrl(url: string, bytes: Buffer): void {
		this.fakeUrls.set(new URL(url).href, bytes);
	}

	async fetch(url: URL, policy: DownloadPolicy): Promise<Buffer> {
		const obs = OBS_HOST.exec(url.hostname);
		if (obs && url.protocol === 'https:') return this.fetchObs(obs[1], obs[2], url, policy);
		const fake = this.fakeUrls.get(url.href);
		if (fake) return fake;
		if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) {
			return fetchLocal(url, policy.timeoutMs);
		}
		throw errors.urlDownload('unreachable-host');
	}

	/**
	 * Our choices where the reference only lists the codes: a bucket that does not exist in the URL's region
	 * → 4704 (cannot read); a private object in another region than the OCR call → 4703 (the agency only
	 * covers the call's region, so the URL is not valid for it); public-read objects work across regions.
	 */
	private fetchObs(bucketName: string, urlRegion: string, url: URL, policy: DownloadPolicy): Buffer {
		const bucket = this.buckets.get(bucketName);
		if (!bucket || bucket.region !== urlRegion) throw errors.obsRead('no-such-bucket');
		const key = decodeURIComponent(url.pathname.slice(1));
		const object = bucket.objects.get(key);
		if (!object?.publicRead) {
			if (policy.agencyMissing) throw errors.obsAgency();
			if (urlRegion !== policy.region) throw errors.obsUrl('bucket-in-other-region');
		}
		if (!object) throw errors.obsMissing();
		if (object.bytes.length > MAX_FILE_BYTES) throw errors.obsTooLarge();
		return object.bytes;
	}
}

function fetchLocal(url: URL, timeoutMs: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const fail = (reason: string) => reject(errors.urlDownload(reason));
		const request = get(url, { timeout: timeoutMs }, (response) => {
			if (response.statusCode !== 200) {
				response.resume();
				fail(`http-${response.statusCode}`);
				return;
			}
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > MAX_FILE_BYTES) {
					request.destroy();
					fail('too-large');
					return;
				}
				chunks.push(chunk);
			});
			response.on('end', () => resolve(Buffer.concat(chunks)));
			response.on('error', () => fail('read-error'));
		});
		request.on('timeout', () => {
			request.destroy();
			fail('timeout');
		});
		request.on('error', () => fail('connect-error'));
	});
}
