import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../model/routing.ts';
import { routeFor } from './dispatch.ts';

const rule = (id: string, departmentId: string, patch: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  category: null,
  locationKind: null,
  buildingId: null,
  departmentId,
  assigneeId: null,
  ...patch,
});

const rules: RoutingRule[] = [
  rule('hygiene', 'cleaning', { category: 'hygiene' }),
  rule('facilities', 'engineering', { category: 'facilities' }),
  rule('b2-lifts', 'lift-contractor', { category: 'facilities', locationKind: 'lift', buildingId: 'b2' }),
  rule('lifts', 'engineering-lifts', { category: 'facilities', locationKind: 'lift' }),
];

describe('which department a problem goes to', () => {
  it('a dirty lobby goes to cleaning by its category', () => {
    expect(routeFor(rules, { category: 'hygiene', location: { kind: 'lobby', buildingId: 'b1' } })?.departmentId).toBe('cleaning');
  });

  it('a lift fault in building 2 goes to the lift contractor: the most specific rule wins, whatever its place in the list', () => {
    expect(routeFor(rules, { category: 'facilities', location: { kind: 'lift', buildingId: 'b2' } })?.departmentId).toBe('lift-contractor');
    expect(routeFor(rules, { category: 'facilities', location: { kind: 'lift', buildingId: 'b1' } })?.departmentId).toBe(
      'engineering-lifts',
    );
    expect(routeFor(rules, { category: 'facilities', location: { kind: 'car_park', buildingId: null } })?.departmentId).toBe('engineering');
  });

  it('among equally specific rules the first in the list wins', () => {
    const twice = [rule('a', 'first', { category: 'order' }), rule('b', 'second', { category: 'order' })];
    expect(routeFor(twice, { category: 'order', location: null })?.departmentId).toBe('first');
  });

  it('a rule for a kind of place does not match a problem raised with no location', () => {
    expect(routeFor([rule('lifts', 'x', { locationKind: 'lift' })], { category: 'facilities', location: null })).toBeNull();
  });

  it('no matching rule: the problem waits for a supervisor to dispatch it', () => {
    expect(routeFor(rules, { category: 'greening', location: { kind: 'green_area', buildingId: null } })).toBeNull();
    expect(routeFor([], { category: 'hygiene', location: null })).toBeNull();
  });
});
