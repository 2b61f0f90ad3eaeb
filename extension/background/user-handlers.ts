/** Answers the calls about the user's own data (shared/messages.ts AnnotationCalls and OptionsToBackground). */
import type { AnnotationCalls, Message, OptionsToBackground } from '../../shared/messages.ts';
import { mayRecordReading } from '../../shared/userdata/types.ts';
import type { CrossreadDb } from './db.ts';
import {
  addArticle,
  clearUserData,
  createClaim,
  deleteAnnotation,
  exportAll,
  importAll,
  pageAnnotations,
  readSettings,
  recordPage,
  saveAnnotation,
  searchClaims,
  searchEntities,
  writeSettings,
} from './user-store.ts';
import type { SenderInfo } from './validate.ts';

type UserCalls = AnnotationCalls & OptionsToBackground;

/** A checked call about the user's data. */
export type UserCall = Message<UserCalls>;

/** The answer to one of those calls. */
export async function answerUserCall(call: UserCall, sender: SenderInfo, db: CrossreadDb): Promise<UserCalls[keyof UserCalls]['result']> {
  switch (call.type) {
    case 'settings.get':
      return readSettings(db);
    case 'settings.set':
      return writeSettings(db, call.params);
    case 'annotations.list':
      return pageAnnotations(db, call.params.url);
    case 'annotation.save':
      return saveAnnotation(db, call.params);
    case 'annotation.delete':
      await deleteAnnotation(db, call.params.id);
      return null;
    case 'claims.search':
      return searchClaims(db, call.params.query, call.params.lang);
    case 'entities.search':
      return searchEntities(db, call.params.query, call.params.lang);
    case 'claim.create':
      return createClaim(db, call.params);
    case 'page.read': {
      // Private windows never leave a trace; the user may have turned recording off.
      if (!mayRecordReading(await readSettings(db), sender.tab?.incognito)) return { recorded: 0 };
      return { recorded: await recordPage(db, call.params) };
    }
    case 'article.add':
      return addArticle(db, call.params);
    case 'data.export':
      return exportAll(db);
    case 'data.import':
      return importAll(db, call.params.file);
    case 'data.clear':
      await clearUserData(db);
      return null;
  }
}
