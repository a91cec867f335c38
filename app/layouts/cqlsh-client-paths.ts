/**
 * Where a client's files go in the ScyllaDB and Cassandra layouts: one cqlsh/NAME/ folder with
 * client.crt, client.key and ca.pem, the files a cqlshrc [ssl] section points at (usercert, userkey,
 * certfile). Both layouts serve cqlsh the same way, so a change to that folder is made here once.
 */
import type { ClientOutline, EntityPaths } from './types.ts';
import { joinPath } from './plan-from-paths.ts';

export function cqlshClientPaths(client: ClientOutline): EntityPaths {
  const dir = joinPath('cqlsh', client.name);
  return {
    name: client.name,
    cert: joinPath(dir, 'client.crt'),
    key: joinPath(dir, 'client.key'),
    ca: joinPath(dir, 'ca.pem'),
  };
}
