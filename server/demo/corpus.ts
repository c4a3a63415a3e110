/** Word lists the demo workspace is made from. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sophia', 'Lucas', 'Isabella', 'Ethan', 'Mia', 'Arjun', 'Amelia', 'Kenji',
  'Harper', 'Omar', 'Evelyn', 'Leon', 'Chloe', 'Diego', 'Hannah', 'Felix', 'Zara', 'Samuel', 'Nora', 'Ibrahim', 'Grace', 'Tomás',
  'Lily', 'Wei', 'Ella', 'Jakub', 'Maya', 'Rafael', 'Freya', 'Yusuf', 'Clara', 'Henrik', 'Aaliyah', 'Dmitri', 'Ines', 'Oscar',
  'Leila', 'Victor', 'Ruth', 'Kwame', 'Elena', 'Patrick', 'Mei', 'Andrés', 'Julia', 'Finn', 'Priyanka', 'George', 'Sara', 'Malik',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Nguyen', 'Garcia', 'Müller', 'Okafor', 'Kowalski', 'Rossi', 'Tanaka', 'Patel', 'Brown', 'Andersson',
  'Silva', 'Dubois', 'Novak', 'Haddad', 'Cohen', 'Larsen', "O'Brien", 'Fernández', 'Schmidt', 'Wilson', 'Kim', 'Ivanova',
  'Martin', 'Jansen', 'Mensah', 'Costa', 'Walker', 'Yilmaz', 'Lindqvist', 'Moreau', 'Chen', 'Singh', 'Taylor', 'Horvath',
  'Reyes', 'Fischer', 'Nakamura', 'Adeyemi', 'Murphy', 'Bianchi', 'Petrov', 'Evans', 'Sato', 'Khan', 'Clarke', 'Lopez',
];

export const COMPANY_PREFIXES = [
  'Northwind', 'Bluefin', 'Copperleaf', 'Brightline', 'Stonebridge', 'Lumen', 'Harbor', 'Quill', 'Redwood', 'Vantage', 'Cobalt',
  'Meridian', 'Juniper', 'Foxglove', 'Ironclad', 'Pinecrest', 'Silverline', 'Tidewater', 'Evergreen', 'Kestrel', 'Orchard',
  'Summit', 'Atlas', 'Beacon', 'Driftwood', 'Granite', 'Helix', 'Larkspur', 'Mosaic', 'Nimbus', 'Oakridge', 'Parallax',
];

export const COMPANY_SUFFIXES = [
  'Logistics', 'Health', 'Analytics', 'Foods', 'Studios', 'Outfitters', 'Robotics', 'Dental', 'Legal', 'Realty', 'Energy',
  'Labs', 'Travel', 'Finance', 'Apparel', 'Media', 'Freight', 'Clinics', 'Software', 'Coffee Co.', 'Architects', 'Bikes',
];

export const TITLES = [
  'Operations Manager', 'Office Manager', 'CTO', 'Head of Finance', 'Customer Success Lead', 'IT Administrator', 'Founder',
  'Marketing Director', 'Accountant', 'Software Engineer', 'Support Coordinator', 'COO', 'Product Manager', 'HR Generalist',
];

export const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'icloud.com', 'yahoo.com'];

/** What the support team supports: the products of a fictional scheduling and invoicing suite. */
export const PRODUCTS = ['Scheduler', 'Invoicing', 'Mobile App', 'API', 'Reports', 'Integrations'] as const;
export type Product = (typeof PRODUCTS)[number];

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;

export const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
