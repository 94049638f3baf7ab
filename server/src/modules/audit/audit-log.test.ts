import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { AppendOnlyError, AuditLog } from './audit-log.model.js';
import { listAuditLog, recordAudit } from './audit.service.js';

let t: TestServer;
let entryId: Types.ObjectId;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  await recordAudit({
    actorId: new Types.ObjectId().toString(),
    action: 'user.suspend',
    targetType: 'user',
    targetId: new Types.ObjectId().toString(),
    reason: 'Spam',
  });
  const entry = await AuditLog.findOne().orFail();
  entryId = entry._id;
});
afterAll(() => t.close());

describe('AuditLog is append-only at the model level', () => {
  it.each([
    ['updateOne', () => AuditLog.updateOne({ _id: entryId }, { reason: 'edited' })],
    ['updateMany', () => AuditLog.updateMany({}, { reason: 'edited' })],
    ['findOneAndUpdate', () => AuditLog.findOneAndUpdate({ _id: entryId }, { reason: 'edited' })],
    ['findByIdAndUpdate', () => AuditLog.findByIdAndUpdate(entryId, { reason: 'edited' })],
    ['replaceOne', () => AuditLog.replaceOne({ _id: entryId }, { reason: 'edited' })],
    ['deleteOne', () => AuditLog.deleteOne({ _id: entryId })],
    ['deleteMany', () => AuditLog.deleteMany({})],
    ['findOneAndDelete', () => AuditLog.findOneAndDelete({ _id: entryId })],
    ['findByIdAndDelete', () => AuditLog.findByIdAndDelete(entryId)],
    ['bulkWrite update', () => AuditLog.bulkWrite([{ deleteMany: { filter: {} } }])],
    [
      'save of an existing entry',
      async () => {
        const entry = await AuditLog.findById(entryId).orFail();
        entry.set('reason', 'edited');
        return entry.save();
      },
    ],
    ['document deleteOne', async () => (await AuditLog.findById(entryId).orFail()).deleteOne()],
  ])('refuses %s', async (_name, attempt) => {
    await expect(attempt()).rejects.toBeInstanceOf(AppendOnlyError);
    const stored = await AuditLog.findById(entryId).lean();
    expect(stored?.reason).toBe('Spam');
  });

  it('still accepts new entries, listed newest first', async () => {
    await recordAudit({
      actorId: new Types.ObjectId().toString(),
      action: 'user.reinstate',
      targetType: 'user',
      targetId: new Types.ObjectId().toString(),
      reason: 'Appeal',
    });
    const page = await listAuditLog(1, 10);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.reason)).toEqual(['Appeal', 'Spam']);
    // The actors do not exist in this database: the entry survives with actor null.
    expect(page.items[0]?.actor).toBeNull();
  });
});
