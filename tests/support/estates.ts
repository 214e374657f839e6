/** Two estates for tests: the demo's shape (no history) and a small second one to try crossing into. */
import { DEMO_BUILDINGS, DEMO_DEPARTMENTS, DEMO_ESTATE, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/estate.ts';
import type { EstateSpec } from '../../server/demo/setup.ts';

export const PASSWORD = DEMO_PASSWORD;
export const ESTATE_B = 'riverside';

export const DEMO_SPEC: EstateSpec = {
  estate: DEMO_ESTATE,
  buildings: DEMO_BUILDINGS,
  locations: DEMO_LOCATIONS,
  departments: DEMO_DEPARTMENTS,
  users: DEMO_USERS,
  password: DEMO_PASSWORD,
};

export const RIVERSIDE_SPEC: EstateSpec = {
  estate: { id: ESTATE_B, name: { zh: '滨江苑', en: 'Riverside Court' }, timeZone: 'Asia/Shanghai', households: 120 },
  buildings: [{ id: 'rs-b1', name: { zh: '1栋', en: 'Block 1' } }],
  locations: [
    { id: 'rs-lobby', building: 'rs-b1', kind: 'lobby', name: { zh: '1栋大堂', en: 'Block 1 lobby' } },
    { id: 'rs-lift', building: 'rs-b1', kind: 'lift', name: { zh: '1栋电梯', en: 'Block 1 lift' } },
  ],
  departments: [{ id: 'rs-eng', name: { zh: '工程部', en: 'Engineering' }, categories: ['facilities'] }],
  users: [
    { id: 'rs-admin', username: 'rs-admin', displayName: 'Riverside admin', role: 'admin', department: null },
    { id: 'rs-supervisor', username: 'rs-supervisor', displayName: 'Riverside supervisor', role: 'supervisor', department: null },
    { id: 'rs-inspector', username: 'rs-inspector', displayName: 'Riverside inspector', role: 'inspector', department: null },
    { id: 'rs-eng-staff', username: 'rs-eng', displayName: 'Riverside engineer', role: 'department', department: 'rs-eng' },
  ],
  password: DEMO_PASSWORD,
};
