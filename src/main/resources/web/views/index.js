// Every view of the dashboard, in menu order. A view shows only to roles holding its permission;
// the API refuses the calls anyway.
import { overview } from "/views/overview.js";
import { audit } from "/views/audit.js";
import { users } from "/views/users.js";

export const views = [overview, audit, users];
