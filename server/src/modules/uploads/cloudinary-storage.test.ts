import type { CoachProfilePictureResponse } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ProfilePictureResponse } from '@coachhub/shared/user';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach, images } from '../../../test/coach-fixtures.js';
import { startFakeCloudinary, type FakeCloudinary } from '../../../test/fake-cloudinary.js';
import { bearer, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { parseCloudinaryUrl, type CloudinarySettings } from '../../core/config/cloudinary-url.js';
import { createCloudinaryDriver } from './cloudinary-storage.driver.js';
import { checkImage } from './image-type.js';

let fake: FakeCloudinary;
let settings: CloudinarySettings;

beforeAll(async () => {
  fake = await startFakeCloudinary();
  settings = parseCloudinaryUrl(fake.url) as CloudinarySettings;
});
afterAll(() => fake.close());

describe('Cloudinary driver (the real SDK against a local fake of the upload API)', () => {
  it('uploads with upload_stream under the app folder and keeps the public id', async () => {
    const driver = await createCloudinaryDriver(settings);
    const bytes = images.png(7);
    const stored = await driver.save(await checkImage(bytes), 'coach-pictures');
    expect(stored.publicId).toMatch(/^coachhub\/coach-pictures\/\w+$/);
    expect(stored.url).toMatch(/^https:\/\/res\.cloudinary\.test\/.+\/coachhub\/coach-pictures\//);
    expect(fake.assets.get(stored.publicId)?.bytes).toEqual(bytes);
  });

  it('destroys assets, and an asset already gone is not an error', async () => {
    const driver = await createCloudinaryDriver(settings);
    const stored = await driver.save(await checkImage(images.jpeg()), 'profile-pictures');
    await driver.remove(stored.publicId);
    expect(fake.assets.has(stored.publicId)).toBe(false);
    await expect(driver.remove(stored.publicId)).resolves.toBeUndefined();
  });

  it('overwrites under a fixed name for the seed', async () => {
    const driver = await createCloudinaryDriver(settings);
    const first = await driver.save(await checkImage(images.png(1)), 'coach-pictures', {
      name: 'seed-carla',
    });
    const second = await driver.save(await checkImage(images.png(2)), 'coach-pictures', {
      name: 'seed-carla',
    });
    expect(second.publicId).toBe(first.publicId);
    expect(fake.assets.get(first.publicId)?.bytes).toEqual(images.png(2));
  });

  it('fails loudly on wrong credentials', async () => {
    const driver = await createCloudinaryDriver({ ...settings, apiSecret: 'wrong' });
    await expect(driver.save(await checkImage(images.png()), 'coach-pictures')).rejects.toThrow(
      /Cloudinary upload failed: Invalid Signature/,
    );
  });
});

describe('uploads through the API with CLOUDINARY_URL set', () => {
  let t: TestServer;
  let coach: SignedIn;

  beforeAll(async () => {
    t = await startTestServer(import.meta.filename, { CLOUDINARY_URL: fake.url });
    coach = await sessionFor(await createTestCoach());
  });
  afterAll(() => t.close());

  const post = (url: string, bytes: Buffer, filename = 'p.png') =>
    t.http.post(url).set(bearer(coach.accessToken)).attach('file', bytes, filename);

  it('stores user and coach pictures in Cloudinary and destroys the replaced ones', async () => {
    fake.calls.length = 0;
    const first = await post('/api/users/me/profile-picture', images.png(1));
    expect(first.status).toBe(200);
    const old = (first.body as ProfilePictureResponse).profilePicture;
    expect(old.publicId).toMatch(/^coachhub\/profile-pictures\//);

    const second = await post('/api/users/me/profile-picture', images.webp(), 'p.webp');
    const current = (second.body as ProfilePictureResponse).profilePicture;
    expect(fake.assets.has(old.publicId)).toBe(false);
    expect(fake.assets.has(current.publicId)).toBe(true);
    expect(fake.calls).toEqual([
      `upload ${old.publicId}`,
      `upload ${current.publicId}`,
      `destroy ${old.publicId}`,
    ]);

    const coachRes = await post(`/api/coaches/${coach.user._id}/profile-picture`, images.jpeg());
    const { coachProfilePicture } = coachRes.body as CoachProfilePictureResponse;
    expect(coachProfilePicture.publicId).toMatch(/^coachhub\/coach-pictures\//);
    expect(coachProfilePicture.url).toMatch(/^https:\/\//);
  });

  it('never sends a refused file to Cloudinary', async () => {
    fake.calls.length = 0;
    const res = await post('/api/users/me/profile-picture', images.text(), 'fake.png');
    expect(res.status).toBe(415);
    expect((res.body as ApiErrorBody).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(fake.calls).toEqual([]);
  });
});
