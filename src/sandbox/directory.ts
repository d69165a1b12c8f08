/** A person in the sandbox tenant's directory (the Agents Playground's default users). */
export interface SandboxUser {
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly mail: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string;
  /** Extra directory attributes, returned by Graph only when `$select`ed (department) or by default (office). */
  readonly department: string;
  readonly officeLocation: string;
  readonly businessPhones: readonly string[];
  /** The Bot Framework channel account id the Playground uses for this person. */
  readonly teamsUserId: string;
}

/** A channel of a sandbox team; ids are in Teams' `19:…@thread.tacv2` form. */
export interface SandboxChannel {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
}

/** A team of the sandbox tenant. */
export interface SandboxTeam {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  /** Object ids of the team's members (owners included). */
  readonly memberIds: readonly string[];
  /** Object ids of the team's owners. */
  readonly ownerIds: readonly string[];
  /** General first: Teams uses the General channel's id as the team's thread id. */
  readonly channels: readonly SandboxChannel[];
}

/** The fixed identities of the sandbox tenant, shared by the sandbox, the bot and tests. */
export interface SandboxDirectory {
  readonly tenantId: string;
  readonly domain: 'example.com';
  /** The application identity (`Bearer sandbox:app`) and the bot's id in the Playground. */
  readonly app: { readonly id: string; readonly displayName: string };
  readonly users: readonly SandboxUser[];
  /** The first team ("My Team", everyone's): the Agents Playground's team. Same as `teams[0]`. */
  readonly team: SandboxTeam;
  /** Every team of the tenant, the Playground's first. */
  readonly teams: readonly SandboxTeam[];
}

function user(
  id: string,
  alias: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  department: string,
  officeLocation: string,
  phone: string,
): SandboxUser {
  const address = `${alias}@example.com`;
  return {
    id,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    mail: address,
    userPrincipalName: address,
    jobTitle,
    department,
    officeLocation,
    businessPhones: [phone],
    teamsUserId: `29:${alias}`,
  };
}

const ALEX = '7c5e2f3a-1b4d-4e8f-9a2c-3d6b8e1f0a41';
const MEGAN = '4a8d1e6c-2f7b-4c3a-8e5d-9b0f1a2c3d52';

const ADELE = '9e3b7c1d-5a2f-4d8e-b6c4-1f0a2b3c4d63';
const ISAIAH = '2d6f9a4b-8c1e-4f3d-a7b5-0c1d2e3f4a74';
const PATTI = '6b1c4e8f-3d9a-4b2e-9c6d-2e3f4a5b6c85';
const LYNNE = 'c3a7e9f1-6d2b-4a5c-8f1e-4a5b6c7d8e96';

const USERS: readonly SandboxUser[] = Object.freeze([
  user(ALEX, 'alexw', 'Alex', 'Wilber', 'Marketing Assistant', 'Marketing', '131/1104', '+1 425 555 0109'),
  user(MEGAN, 'meganb', 'Megan', 'Bowen', 'Marketing Manager', 'Marketing', '12/1110', '+1 412 555 0109'),
  user(ADELE, 'adelev', 'Adele', 'Vance', 'Retail Manager', 'Retail', '18/2111', '+1 425 555 0109'),
  user(ISAIAH, 'isaiahl', 'Isaiah', 'Langer', 'Sales Rep', 'Sales', '20/1101', '+1 918 555 0101'),
  user(PATTI, 'pattif', 'Patti', 'Fernandez', 'President', 'Executive Management', '15/1102', '+1 954 555 0118'),
  user(LYNNE, 'lynner', 'Lynne', 'Robbins', 'Planner', 'Retail', '20/1104', '+1 425 555 0105'),
]);

const MY_TEAM: SandboxTeam = Object.freeze({
  id: 'e5c2a8d4-7f3b-4e1a-b9c6-5d7e8f9a0b17',
  displayName: 'My Team',
  description: 'Everyone at Example: plans, launches and customer work.',
  memberIds: Object.freeze(USERS.map((u) => u.id)),
  ownerIds: Object.freeze([ALEX, MEGAN]),
  channels: Object.freeze([
    {
      id: '19:3f8a2c6e1b4d4e7f9a0c5b2d8e1f6a3c@thread.tacv2',
      displayName: 'General',
      description: 'Team-wide conversation.',
    },
    {
      id: '19:8c1e5a3f7b2d4c9e6a0f1b4d7e2c5a8f@thread.tacv2',
      displayName: 'Announcements',
      description: 'News and decisions for everyone.',
    },
  ]),
});

/**
 * The retail team. Alex and Megan are not members, so that "General" stays one channel for them
 * (and so that a non-member's 403 can be seen); for Adele, "General" names two channels.
 */
const RETAIL_OPERATIONS: SandboxTeam = Object.freeze({
  id: 'a7d3f1b9-2c4e-4b8a-9f6d-1e2c3b4a5d26',
  displayName: 'Retail Operations',
  description: 'Stores, openings and stock: the retail team at work.',
  memberIds: Object.freeze([ADELE, LYNNE, ISAIAH, PATTI]),
  ownerIds: Object.freeze([ADELE, LYNNE]),
  channels: Object.freeze([
    {
      id: '19:5b7d9f1a3c2e4b6d8f0a1c3e5b7d9f2a@thread.tacv2',
      displayName: 'General',
      description: 'Retail team conversation.',
    },
    {
      id: '19:2e4c6a8f0b1d4f3a5c7e9b2d4f6a8c1e@thread.tacv2',
      displayName: 'Store Openings',
      description: 'Plans and checklists for new stores.',
    },
    {
      id: '19:9a1c3e5f7b2d4a6c8e0f2b4d6a8c0e3f@thread.tacv2',
      displayName: 'Inventory',
      description: 'Stock levels, orders and deliveries.',
    },
  ]),
});

export const SANDBOX_DIRECTORY: SandboxDirectory = Object.freeze({
  tenantId: 'b2f1c7a4-5d3e-4c8b-9a61-0e7d2f4a8c15',
  domain: 'example.com',
  app: Object.freeze({ id: 'd4b8f2e6-0a1c-4d3e-8b5f-6e7f8a9b0c28', displayName: 'Delegate' }),
  users: USERS,
  team: MY_TEAM,
  teams: Object.freeze([MY_TEAM, RETAIL_OPERATIONS]),
});

/** Find a directory user by object id or user principal name / mail (case-insensitive). */
export function findUser(idOrUpn: string): SandboxUser | undefined {
  const key = idOrUpn.toLowerCase();
  return SANDBOX_DIRECTORY.users.find(
    (u) => u.id === key || u.userPrincipalName.toLowerCase() === key || u.mail.toLowerCase() === key,
  );
}

/** The user with this id; throws when the seed refers to someone missing (a programming error). */
export function userByAlias(alias: string): SandboxUser {
  const found = findUser(`${alias}@example.com`);
  if (!found) throw new Error(`unknown sandbox user ${alias}`);
  return found;
}
