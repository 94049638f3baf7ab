import { randomBytes } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoachDTO, CoachProfilePictureResponse } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { ProfilePictureResponse } from '@coachhub/shared/user';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach, images } from '../../../test/coach-fixtures.js';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { createLogger } from '../../core/logger.js';
import { User } from '../users/user.model.js';
import { createImageStorage } from './image-storage.js';
import { createLocalStorageDriver } from './local-storage.driver.js';

const MAX_BYTES = 4096;
let t: TestServer;
let client: SignedIn;
let coach: SignedIn;
let otherCoach: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename, { UPLOAD_MAX_BYTES: String(MAX_BYTES) });
  [client, coach, otherCoach] = await Promise.all([
    createUser().then(sessionFor),
    createTestCoach().then(sessionFor),
    createTestCoach().then(sessionFor),
  ]);
});
afterAll(() => t.close());

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const filesIn = async (folder: string) => {
  try {
    return (await readdir(path.join(t.uploadsDir, folder))).sort();
  } catch {
    return [];
  }
};
const upload = (url: string, token: string, bytes: Buffer, filename: string, contentType: string) =>
  t.http.post(url).set(bearer(token)).attach('file', bytes, { filename, contentType });
const userPicture = (token: string, bytes: Buffer, filename = 'me.png', type = 'image/png') =>
  upload('/api/users/me/profile-picture', token, bytes, filename, type);
const coachPicture = (token: string, userId: string, bytes: Buffer, filename = 'c.jpg') =>
  upload(`/api/coaches/${userId}/profile-picture`, token, bytes, filename, 'image/jpeg');

describe('POST /api/users/me/profile-picture (local disk driver)', () => {
  it('judges by content: a PNG named .txt is stored as a PNG under a random name', async () => {
    const bytes = images.png(1);
    const res = await userPicture(client.accessToken, bytes, 'notes.txt', 'text/plain');
    expect(res.status).toBe(200);
    const { profilePicture } = res.body as ProfilePictureResponse;
    expect(profilePicture.publicId).toMatch(/^profile-pictures\/[0-9a-f]{32}\.png$/);
    expect(profilePicture.url).toBe(`/uploads/${profilePicture.publicId}`);
    expect(await readFile(path.join(t.uploadsDir, profilePicture.publicId))).toEqual(bytes);
    const me = await t.http.get('/api/users/me').set(bearer(client.accessToken));
    expect(me.body).toMatchObject({ profilePicture });
  });

  it('serves stored files with a long cache and nosniff', async () => {
    const user = await User.findById(client.user._id).lean();
    const res = await t.http.get(user?.profilePicture?.url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await t.http.get('/uploads/profile-pictures/missing.png')).status).toBe(404);
    expect((await t.http.get('/uploads/../package.json')).status).toBe(404);
  });

  it('deletes the replaced picture', async () => {
    const before = await filesIn('profile-pictures');
    expect(before).toHaveLength(1);
    const res = await userPicture(client.accessToken, images.webp(), 'new.webp', 'image/webp');
    expect(res.status).toBe(200);
    const { profilePicture } = res.body as ProfilePictureResponse;
    expect(profilePicture.publicId).toMatch(/\.webp$/);
    expect(await filesIn('profile-pictures')).toEqual([profilePicture.publicId.split('/')[1]]);
  });

  it.each([
    ['a text file named .png', images.text(), 'avatar.png'],
    ['a GIF', images.gif(), 'anim.gif'],
    ['random bytes', randomBytes(256), 'photo.jpg'],
  ])('refuses %s with 415 and stores nothing', async (_case, bytes, filename) => {
    const before = await filesIn('profile-pictures');
    const res = await userPicture(client.accessToken, bytes, filename, 'image/png');
    expect(res.status).toBe(415);
    expect(codeOf(res.body)).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await filesIn('profile-pictures')).toEqual(before);
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413', async () => {
    const tooBig = Buffer.concat([images.png(), randomBytes(MAX_BYTES)]);
    const res = await userPicture(client.accessToken, tooBig);
    expect(res.status).toBe(413);
    expect(codeOf(res.body)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('needs the file in the field "file", and a signed-in caller', async () => {
    const none = await t.http
      .post('/api/users/me/profile-picture')
      .set(bearer(client.accessToken))
      .send({ file: 'x' });
    expect(none.status).toBe(400);
    const wrongField = await t.http
      .post('/api/users/me/profile-picture')
      .set(bearer(client.accessToken))
      .attach('picture', images.png(), 'me.png');
    expect(wrongField.status).toBe(400);
    const anonymous = await t.http
      .post('/api/users/me/profile-picture')
      .attach('file', images.png(), 'me.png');
    expect(anonymous.status).toBe(401);
  });
});

describe('POST /api/coaches/:userId/profile-picture', () => {
  it('stores the coach picture, shown on the CoachDTO, and deletes the one it replaces', async () => {
    const first = await coachPicture(coach.accessToken, coach.user._id, images.jpeg());
    expect(first.status).toBe(200);
    const old = (first.body as CoachProfilePictureResponse).coachProfilePicture;
    expect(old.publicId).toMatch(/^coach-pictures\/[0-9a-f]{32}\.jpg$/);

    const second = await coachPicture(coach.accessToken, coach.user._id, images.png(2), 'x.png');
    const current = (second.body as CoachProfilePictureResponse).coachProfilePicture;
    expect(await exists(path.join(t.uploadsDir, old.publicId))).toBe(false);
    expect(await exists(path.join(t.uploadsDir, current.publicId))).toBe(true);
    const profile = await t.http.get(`/api/coaches/${coach.user._id}`);
    expect((profile.body as CoachDTO).coachProfilePicture).toEqual(current);
  });

  it('is for the coach themself only; a user without a coach profile gets 404', async () => {
    const before = await filesIn('coach-pictures');
    for (const caller of [otherCoach, client]) {
      const res = await coachPicture(caller.accessToken, coach.user._id, images.jpeg());
      expect(res.status).toBe(403);
    }
    const own = await coachPicture(client.accessToken, client.user._id, images.jpeg());
    expect(own.status).toBe(404);
    expect(await filesIn('coach-pictures')).toEqual(before);
  });

  it('checks the type and size like every upload', async () => {
    const text = await coachPicture(coach.accessToken, coach.user._id, images.text(), 'c.png');
    expect(text.status).toBe(415);
    const big = Buffer.concat([images.jpeg(), randomBytes(MAX_BYTES)]);
    expect((await coachPicture(coach.accessToken, coach.user._id, big)).status).toBe(413);
  });
});

describe('the storage service', () => {
  const logger = createLogger({ logLevel: 'silent', isProduction: false });

  it('removes the new asset when its record cannot take it', async () => {
    const storage = createImageStorage(createLocalStorageDriver(t.uploadsDir), logger);
    const before = await filesIn('profile-pictures');
    await expect(
      storage.replace(images.png(3), 'profile-pictures', async () => {
        throw new Error('record is gone');
      }),
    ).rejects.toThrow('record is gone');
    expect(await filesIn('profile-pictures')).toEqual(before);
  });

  it('never touches paths it did not create', async () => {
    const driver = createLocalStorageDriver(t.uploadsDir);
    await expect(driver.remove('../../package.json')).rejects.toThrow(/Not a local upload/);
    await expect(driver.remove('/etc/passwd')).rejects.toThrow(/Not a local upload/);
    await expect(driver.remove('profile-pictures/gone.png')).resolves.toBeUndefined();
  });
});
