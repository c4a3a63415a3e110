import type { Product } from './corpus.ts';

/**
 * Kinds of support conversations. Text may use {customer}, {agent}, {company}, {product},
 * {n} (a number) and {day} (a weekday); the generator fills them in.
 */
export interface Scenario {
  /** Index into roster TEAM_NAMES. */
  team: number;
  product: Product;
  tags: string[];
  subjects: string[];
  openings: string[];
  firstReplies: string[];
  followUps: string[];
  notes: string[];
  resolutions: string[];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    team: 0,
    product: 'Scheduler',
    tags: ['login', 'access'],
    subjects: ["Can't log in after password reset", 'Password reset email never arrives', 'Locked out of my account'],
    openings: [
      "Hi, I reset my password this morning but the new one doesn't work. I keep getting \"invalid credentials\". Can you help? I have a client call in an hour.",
      'Hello, I requested a password reset three times and no email has arrived, not even in spam. My username is the email I am writing from.',
    ],
    firstReplies: [
      "Hi {customer}, sorry about the trouble! I've cleared the lock on your account and sent a fresh reset link. It is valid for 30 minutes; please use the newest email only, since older links stop working once a new one is sent.",
      "Hi {customer}, thanks for the details. Our mail logs show the reset emails were blocked by your company's mail filter. I've whitelisted the request on our side; could you ask IT to allow mail from no-reply@orbit.demo?",
    ],
    followUps: ['That worked, thank you! One more thing: can I turn on two-factor authentication?', 'Still nothing, I checked the quarantine folder too.'],
    notes: ['Third lockout from {company} this month. Their SSO config may be sending stale sessions; flagging to Technical if it repeats.'],
    resolutions: [
      "Glad you're back in! Two-factor is under Settings → Security → Two-factor authentication. I'll mark this solved; reply here any time if something else comes up.",
    ],
  },
  {
    team: 0,
    product: 'Scheduler',
    tags: ['calendar-sync', 'google'],
    subjects: ['Appointments not syncing to Google Calendar', 'Calendar sync stopped working yesterday', 'Duplicate events in Outlook'],
    openings: [
      'Since {day} none of our new appointments show up in Google Calendar. Old ones are still there. We have {n} staff relying on this.',
      'Every booking now appears twice in Outlook. It started after we reconnected the calendar. Very confusing for our front desk.',
    ],
    firstReplies: [
      "Hi {customer}, thanks for flagging this. Google revoked the connection token for your workspace on {day}, which stops new events from syncing. Could you go to Settings → Integrations → Calendar and click Reconnect? Existing events won't be duplicated.",
      'Hi {customer}, the duplicates come from two active calendar connections after the reconnect. Please disconnect the older one under Settings → Integrations; I can clean up the duplicated events from our side afterwards.',
    ],
    followUps: ['Reconnected, new bookings show up now. Do the ones from the last days sync automatically?', 'Done. Please go ahead with the cleanup.'],
    notes: ['Backfill job for {company} queued manually; check it finished before replying.'],
    resolutions: ['All missed appointments are now backfilled and duplicates removed. Marking this as solved, thanks for your patience!'],
  },
  {
    team: 0,
    product: 'Mobile App',
    tags: ['mobile', 'bug'],
    subjects: ['App crashes when opening the schedule', 'Push notifications stopped on iPhone', 'Mobile app stuck on loading screen'],
    openings: [
      'The Android app crashes every time I tap on "Today". Reinstalled twice already. Phone is a Pixel 7, app version 5.{n}.',
      'None of my team gets push notifications for new bookings anymore. Notifications are enabled in iOS settings.',
    ],
    firstReplies: [
      "Hi {customer}, thank you for the details, that helps a lot. We've identified a crash on Android 14 with the Today view and a fix ships in version 5.{n}.1 this week. Until then the Week view works as a workaround.",
      "Hi {customer}, could you check in the app under Profile → Notifications that 'New bookings' is switched on? After the last update it was reset for some users.",
    ],
    followUps: ['Week view works, thanks. Will I get a notification when the fix is out?', 'It was switched off indeed. Turned it on for me, but my colleagues still get nothing.'],
    notes: ['Crash matches known issue MOB-{n}; linking to the problem ticket.'],
    resolutions: ['Version 5.{n}.1 is live in the stores now and fixes the crash. Closing this out; let me know if you still see it after updating.'],
  },
  {
    team: 0,
    product: 'Scheduler',
    tags: ['how-to', 'booking-page'],
    subjects: ['How do I add a second location?', 'Customize the booking page colors', 'Set different opening hours for holidays'],
    openings: [
      "We're opening a second office next month. How do I add it so customers can pick a location when booking?",
      'Is there a way to close bookings on public holidays without changing our regular opening hours each time?',
    ],
    firstReplies: [
      'Hi {customer}, great news about the new office! Go to Settings → Locations → Add location. Each location gets its own hours and staff, and the booking page shows a location picker automatically once there are two.',
      'Hi {customer}, yes: under Settings → Opening hours → Exceptions you can add holidays once, and they repeat every year if you tick "Every year".',
    ],
    followUps: ['Perfect, found it. Can staff belong to both locations?', 'Thanks, that is exactly what we needed.'],
    notes: [],
    resolutions: ['Yes, staff can work at several locations; set it on each staff profile under Locations. Marking this solved.'],
  },
  {
    team: 0,
    product: 'Reports',
    tags: ['reports', 'export'],
    subjects: ['Monthly report shows wrong totals', 'Export to CSV is empty', 'No-show rate seems off in dashboard'],
    openings: [
      'The monthly revenue report for last month shows {n} appointments but we definitely had more. Which bookings are excluded?',
      'When I export the appointments report to CSV the file only has the header row. Same in Chrome and Firefox.',
    ],
    firstReplies: [
      'Hi {customer}, the revenue report only counts appointments marked as completed; cancelled and no-show bookings are left out. You can include them with the Status filter at the top of the report.',
      "Hi {customer}, sorry about that. The export respects the date filter, which was set to a future week after last Friday's update. Could you set the range again and retry?",
    ],
    followUps: ['Ah, that explains it. Thanks!', 'Tried again with last month selected, the file is still empty.'],
    notes: ['Reproduced the empty export with a filter on staff + location. Escalating to Technical.'],
    resolutions: ['Happy to help! Closing this one; the Status filter choice is remembered from now on.'],
  },
  {
    team: 1,
    product: 'Invoicing',
    tags: ['billing', 'invoice'],
    subjects: ['Charged twice this month', 'Invoice shows the wrong company address', 'Need a copy of last year’s invoices'],
    openings: [
      'Our credit card was charged twice on the 1st for the same subscription. Please refund the duplicate charge.',
      'Our invoices still show our old address. We moved in {day}. Can you reissue the last two invoices with the new address?',
    ],
    firstReplies: [
      "Hi {customer}, I'm sorry about the double charge. I can see two payments of the same amount on the 1st; the second was a retry after a timeout at the bank. I've refunded it, you should see it in 5-10 business days.",
      'Hi {customer}, I updated the billing address on your account and reissued both invoices. You can download them under Billing → Invoices.',
    ],
    followUps: ['Thanks for the quick refund. Could you send a confirmation for our accountant?', 'Got them, thank you. Will future invoices use the new address automatically?'],
    notes: ['Refund {n}-R issued in Stripe. Payment retry bug reported to Payments team.'],
    resolutions: ['Confirmation sent to your email. Everything is sorted on our side, so I am marking this as solved.'],
  },
  {
    team: 1,
    product: 'Invoicing',
    tags: ['billing', 'plan-change'],
    subjects: ['Upgrade to Pro mid-cycle', 'Downgrade plan before renewal', 'Question about annual billing discount'],
    openings: [
      "We'd like to upgrade to Pro today. Will we be charged the full month or prorated?",
      'Our renewal is next week and we want to move to the Starter plan. What happens to our extra staff seats?',
    ],
    firstReplies: [
      'Hi {customer}, upgrades are prorated: you only pay the difference for the days left in this cycle. You can upgrade under Billing → Plan, and the new features are available right away.',
      'Hi {customer}, on Starter you keep up to 5 staff seats. The other seats become inactive (nothing is deleted) and you can pick which staff stay active before the renewal.',
    ],
    followUps: ['Done, upgraded. The invoice looks right.', 'Which staff would be deactivated if we do nothing?'],
    notes: ['{company} asked about annual pricing twice; passing to account manager as an expansion lead.'],
    resolutions: ['Great, everything is in place. Marking this solved; reach out any time if billing questions come up.'],
  },
  {
    team: 1,
    product: 'Invoicing',
    tags: ['billing', 'vat'],
    subjects: ['VAT number missing on invoice', 'Tax exemption certificate', 'Invoice currency should be EUR'],
    openings: [
      'Our VAT ID is missing on the invoices, so our accountant cannot book them. VAT ID attached below.',
      'We are a non-profit and tax exempt. Where can I upload our exemption certificate?',
    ],
    firstReplies: [
      'Hi {customer}, thanks! I added the VAT ID and reissued this year’s invoices with reverse charge. They are under Billing → Invoices.',
      'Hi {customer}, please reply with the certificate as a PDF and I will apply the exemption from the next invoice on.',
    ],
    followUps: ['Attached the certificate.', 'Perfect, thanks a lot.'],
    notes: ['Certificate verified against the state registry, valid until next year.'],
    resolutions: ['The exemption is applied and your next invoice will not include tax. Marking this solved.'],
  },
  {
    team: 1,
    product: 'Invoicing',
    tags: ['billing', 'cancellation'],
    subjects: ['Cancel our subscription', 'Refund request after cancellation', 'Account closed by mistake'],
    openings: [
      'We are closing the business at the end of the month. How do we cancel and export our data first?',
      'Someone on my team cancelled our account by mistake yesterday! Can you restore it? We have bookings today.',
    ],
    firstReplies: [
      "Hi {customer}, I'm sorry to hear that. You can export everything under Settings → Data export (CSV and iCal). Once done, cancel under Billing → Plan; you keep access until the end of the paid period.",
      'Hi {customer}, no data is lost: I have reactivated the account and your bookings for today are all there. I also added a confirmation step for cancellations on your account.',
    ],
    followUps: ['Export done. Please go ahead and cancel.', 'Phew, thank you so much!'],
    notes: ['Churn reason: business closure. No save offer applicable.'],
    resolutions: ['Done. Thank you for being a customer, and best of luck with what comes next.'],
  },
  {
    team: 2,
    product: 'API',
    tags: ['api', 'rate-limit'],
    subjects: ['API returns 429 during nightly sync', 'Webhook deliveries failing with 500', 'OAuth token refresh returns invalid_grant'],
    openings: [
      'Our nightly job calls /v2/appointments and gets HTTP 429 after about {n} requests. We are well below the documented limit.',
      'Webhook deliveries to our endpoint have been failing since {day}. Our endpoint works when we test it with curl.',
    ],
    firstReplies: [
      'Hi {customer}, thanks for the request ids. The limit is per token and per minute, and your job opens parallel requests with the same token. Batching with ?page_size=200 keeps you well inside it.',
      'Hi {customer}, our delivery logs show your endpoint answering with a TLS handshake error since {day}; the certificate chain is missing the intermediate certificate. Once fixed, failed deliveries can be replayed from the dashboard.',
    ],
    followUps: ['Switched to page_size=200, the job now finishes without errors.', 'Cert chain fixed. Replayed the failed deliveries, all green.'],
    notes: ['Confirmed the 429s were per-token limits. Suggest we document parallelism in the API guide.', 'Checked delivery logs: handshake_failure for every attempt since {day}.'],
    resolutions: ['Great to hear! Marking this as solved. Our API guide now has a section on paging large syncs.'],
  },
  {
    team: 2,
    product: 'Integrations',
    tags: ['integration', 'zapier'],
    subjects: ['Zapier trigger not firing for new bookings', 'QuickBooks sync duplicates customers', 'Slack notifications stopped'],
    openings: [
      'Our Zap "New booking → Google Sheet" has not triggered since {day}. Zapier says the connection is fine.',
      'The QuickBooks sync creates a new customer for every invoice instead of matching existing ones.',
    ],
    firstReplies: [
      'Hi {customer}, the trigger was moved to our new Zapier app version. Please open the Zap, pick the "New booking (v2)" trigger and test it; old Zaps keep working until the end of next month but no longer receive new events.',
      'Hi {customer}, customers are matched by email, and these invoices were created for customers without an email. Adding the email in Orbit and re-running the sync merges them.',
    ],
    followUps: ['Updated the Zap, works again.', 'Some of them have emails and still got duplicated.'],
    notes: ['Reproduced: matching is case-sensitive on email. Filed INT-{n}.'],
    resolutions: ['The fix for case-insensitive matching is deployed and duplicates were merged. Closing this.'],
  },
  {
    team: 2,
    product: 'Scheduler',
    tags: ['performance', 'outage'],
    subjects: ['Booking page very slow this morning', 'Error 502 when saving appointments', 'Data not loading for some staff'],
    openings: [
      'Our booking page takes 20+ seconds to load since about 9am and customers are calling us. Is there an outage?',
      'Saving an appointment fails with "502 Bad Gateway" roughly every third try.',
    ],
    firstReplies: [
      "Hi {customer}, yes, we had degraded performance in the EU region this morning; it's resolved since 10:40 and the status page has the details. Sorry for the disruption.",
      'Hi {customer}, thanks for reporting. We found an overloaded node in front of the booking service and replaced it; the errors should have stopped. Could you confirm?',
    ],
    followUps: ['Yes, fast again now. Will there be a post-mortem?', 'Confirmed, no more errors.'],
    notes: ['Part of incident INC-{n}. Customer on enterprise plan, eligible for SLA credit.'],
    resolutions: ['The post-mortem is published on the status page. I also applied the SLA credit to your next invoice. Marking this solved.'],
  },
  {
    team: 2,
    product: 'API',
    tags: ['api', 'data'],
    subjects: ['Timezone offset wrong in API responses', 'Custom fields missing from API', 'Pagination skips records'],
    openings: [
      'Appointment times from the API are one hour off for our Lisbon location since the clock change.',
      'When paging through /v2/customers with cursor pagination we miss some records compared to the UI export.',
    ],
    firstReplies: [
      'Hi {customer}, the API returns UTC with an offset, and your location still had a fixed offset instead of the Europe/Lisbon zone. I switched it; times are now correct across daylight saving changes.',
      'Hi {customer}, records created while you page can land before your cursor. Sorting by id (the default for cursor pagination) avoids that; your request sorts by name.',
    ],
    followUps: ['Looks right now, thanks.', 'Sorting by id fixed it. Thanks for the explanation.'],
    notes: [],
    resolutions: ['Glad that sorted it. Marking this solved.'],
  },
];
