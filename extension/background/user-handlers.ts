/** Answers the calls about the user's own data: annotations, claims they recorded, pages read, settings, import/export. */
import type { backgroundCalls } from '../../shared/messages.ts';
import type { Handlers, SenderInfo } from '../../shared/rpc/channel.ts';
import { mayRecordReading } from '../../shared/userdata/types.ts';
import type { CrossreadDb } from './db.ts';
import { rejectSource } from './source-reject.ts';
import {
  addArticle,
  clearUserData,
  createClaim,
  deleteAnnotation,
  exportAll,
  importAll,
  pageAnnotations,
  pageRejections,
  readSettings,
  recordPage,
  rejectPassage,
  saveAnnotation,
  searchClaims,
  searchEntities,
  writeSettings,
} from './user-store.ts';

/** The calls about the user's data. */
export type UserCallName =
  | 'settings.get'
  | 'settings.set'
  | 'annotations.list'
  | 'annotation.save'
  | 'annotation.delete'
  | 'claims.search'
  | 'entities.search'
  | 'claim.create'
  | 'page.read'
  | 'rejections.list'
  | 'claim.reject'
  | 'source.reject'
  | 'article.add'
  | 'data.export'
  | 'data.import'
  | 'data.clear';

/** Their handlers, on database `db`. */
export function userHandlers(db: CrossreadDb): Pick<Handlers<typeof backgroundCalls, SenderInfo>, UserCallName> {
  return {
    'settings.get': () => readSettings(db),
    'settings.set': (params) => writeSettings(db, params),
    'annotations.list': ({ url }) => pageAnnotations(db, url),
    'annotation.save': (params) => saveAnnotation(db, params),
    'annotation.delete': async ({ id }) => {
      await deleteAnnotation(db, id);
      return null;
    },
    'claims.search': ({ query, lang }) => searchClaims(db, query, lang),
    'entities.search': ({ query, lang }) => searchEntities(db, query, lang),
    'claim.create': (params) => createClaim(db, params),
    'page.read': async (params, sender) => {
      // Private windows never leave a trace; the user may have turned recording off.
      if (!mayRecordReading(await readSettings(db), sender.tab?.incognito)) return { recorded: 0 };
      return { recorded: await recordPage(db, params) };
    },
    'rejections.list': ({ url }) => pageRejections(db, url),
    'claim.reject': (params) => rejectPassage(db, params),
    'source.reject': (params) => rejectSource(db, params),
    'article.add': (params) => addArticle(db, params),
    'data.export': () => exportAll(db),
    'data.import': ({ file }) => importAll(db, file),
    'data.clear': async () => {
      await clearUserData(db);
      return null;
    },
  };
}
