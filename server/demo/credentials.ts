/** Log-ins of the demo workspace. Public on purpose: the demo is for trying Orbit out. */
export const DEMO_PASSWORD = 'orbit-demo';
/** A plain agent on the first team, with open tickets assigned. */
export const DEMO_AGENT_EMAIL = 'alex@orbit.demo';
export const DEMO_LEAD_EMAIL = 'lena@orbit.demo';
export const DEMO_ADMIN_EMAIL = 'admin@orbit.demo';
export const DEMO_WORKSPACE_NAME = 'Orbit Demo';
