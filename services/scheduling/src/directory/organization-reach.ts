import { Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import type { OrganizationRecord } from './domain/directory-records';
import { DirectoryStore } from './infrastructure/directory.projection';

/** How far up a `partOf` chain is followed: a health system, its regions, their practices. */
const MAX_DEPTH = 5;

export type ReachCheck = (organizationId: string) => Promise<boolean>;

/**
 * A token issued for an organization (`org` claim) reaches it and the organizations that are
 * part of it, at any depth: the deployment's organization is the health system, its members
 * are within it. A token without the claim reaches every organization (one deployment serves
 * one organization, and the verifier holds tokens to it).
 */
@Injectable()
export class OrganizationReach {
  constructor(private readonly directory: DirectoryStore) {}

  /**
   * A check for one request, remembering what it read; `pending` are organizations about to be
   * recorded (a PUT's, an import's), read before the directory.
   */
  of(
    principal: Principal,
    pending: ReadonlyMap<string, OrganizationRecord> = new Map(),
  ): ReachCheck {
    const own = principal.organizationId;
    const parents = new Map<string, Promise<string | undefined>>();
    const parentOf = (id: string) => {
      if (pending.has(id)) return Promise.resolve(pending.get(id)?.partOf);
      let parent = parents.get(id);
      if (!parent) {
        parent = this.directory.organizations.find(id).then((view) => view?.record.partOf);
        parents.set(id, parent);
      }
      return parent;
    };
    return async (organizationId) => {
      if (own === undefined || own === organizationId) return true;
      let current: string | undefined = organizationId;
      for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
        current = await parentOf(current);
        if (current === own) return true;
      }
      return false;
    };
  }
}
