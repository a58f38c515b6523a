/**
 * A segment cut to the actor's stores: organisation-wide roles keep it as it is; a store-bound user only ever
 * reaches their own stores' customers (asking for another store yields nobody rather than an error).
 */
import type { Segment } from "@kexin/contracts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";

const NO_STORE = "00000000-0000-0000-0000-000000000000";

export function scopedSegment(actor: Actor, segment: Segment): Segment {
  const scope = storeScope(actor);
  if (scope === null) return segment;
  const storeIds = segment.storeIds?.length ? segment.storeIds.filter((id) => scope.includes(id)) : scope;
  return { ...segment, storeIds: storeIds.length > 0 ? storeIds : [NO_STORE] };
}
