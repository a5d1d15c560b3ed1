import fs from 'node:fs';
import { parseMentorPage, mentorListing } from './scrapers/ieee/parse-mentor-listing.js';
const d='test/fixtures/ieee/';
const p1=parseMentorPage(fs.readFileSync(d+'mentor-802.11-documents-n1.reconstructed.html'));
const p2=parseMentorPage(fs.readFileSync(d+'mentor-802.11-documents-n2.reconstructed.html'));
console.log(p1.group,p1.page,p1.lastPage,p1.hasNext,p1.revisions.length,p1.warnings, p2.page);
const l=mentorListing(p1.group,[...p1.revisions,...p2.revisions],[]);
console.log(l.contributions.length); console.log(l.contributions.find(c=>c.ref==='11-21-1606')); console.log(l.contributions.find(c=>c.ref==='11-20-1982'));
