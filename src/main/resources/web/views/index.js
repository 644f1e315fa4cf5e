// Every view of the dashboard, in menu order. A view shows only to roles holding its permission;
// the API refuses the calls anyway.
import { overview } from "/views/overview.js";
import { idleFunds } from "/views/idle-funds.js";
import { authorisations } from "/views/authorisations.js";
import { hits } from "/views/hits.js";
import { releases } from "/views/releases.js";
import { accounts } from "/views/accounts.js";
import { alerts } from "/views/alerts.js";
import { reports } from "/views/reports.js";
import { audit } from "/views/audit.js";
import { users } from "/views/users.js";

export const views = [overview, idleFunds, authorisations, hits, releases, accounts, alerts, reports, audit, users];
