import type DataLoader from 'dataloader';
import { requestLoader } from '@mestres/graphql';
import type { SessionEntity } from './session.entity';
import type { SessionsService } from './sessions.service';

/** Per-request loader of classes by id (one statement per batch). */
export function sessionLoader(context: object, sessions: SessionsService): DataLoader<string, SessionEntity | null> {
  return requestLoader<string, SessionEntity | null>(context, 'courses.sessionById', (ids) => sessions.byIds(ids));
}
