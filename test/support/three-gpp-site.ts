// The captured 3GPP pages and files, served at their real URL paths (see RECONSTRUCTED.md for the
// pages that had to be rebuilt from real values).
import { fixture } from './app.js';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server.js';

export const THREE_GPP_ROUTES: Record<string, FixtureRoute> = {
  '/dynareport?code=Meetings-RP.htm': { file: fixture('3gpp', 'dynareport_Meetings-RP.reconstructed.htm') },
  '/dynareport?code=Meetings-S2.htm': { file: fixture('3gpp', 'dynareport_Meetings-S2.reconstructed.htm') },
  '/ftp/tsg_ran/TSG_RAN/TSGR_104/': { file: fixture('3gpp', 'ftp_listing_TSGR_104.reconstructed.htm') },
  '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/': { file: fixture('3gpp', 'ftp_listing_TSGR_104_Docs.reconstructed.htm') },
  '/ftp/tsg_ran/TSG_RAN/TSGR_104/Docs/TDoc_List_Meeting_RAN%23104.xlsx': {
    file: fixture('3gpp', 'TDoc_List_Meeting_RAN#104.xlsx'),
    headers: { etag: '"ran104-v1"', 'last-modified': 'Sat, 17 Aug 2024 21:41:00 GMT' },
  },
  '/ftp/tsg_ran/TSG_RAN/TSGR_106/': { file: fixture('3gpp', 'ftp_listing_TSGR_106.reconstructed.htm') },
  '/ftp/tsg_ran/TSG_RAN/TSGR_106/Docs/': { file: fixture('3gpp', 'ftp_listing_TSGR_106_Docs.reconstructed.htm') },
  '/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/': { file: fixture('3gpp', 'ftp_listing_2020_tsg_sa_WG2_Arch_TSGS2_137e_Electronic.htm') },
  '/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/Docs/': { file: fixture('3gpp', 'ftp_listing_TSGS2_137e_Docs.reconstructed.htm') },
  '/ftp/tsg_sa/WG2_Arch/TSGS2_137e_Electronic/TdocsByAgenda.htm': { file: fixture('3gpp', 'sa2_TdocsByAgenda_SA2-137e_2020-02-29.htm') },
  // Leadership: the news listing, the election articles it links to, an officials annex.
  '/news-events/3gpp-news': { file: fixture('3gpp', 'news_3gpp-news_listing.reconstructed.html') },
  '/news-events/3gpp-news?start=5': { file: fixture('3gpp', 'news_3gpp-news_listing_page2.reconstructed.html') },
  '/news-events/1346-SA-Election-completes-3GPP-line-up': { file: fixture('3gpp', 'news_sa-election-2011.reconstructed.html') },
  '/news-events/3gpp-news/tsg-ran-election': { file: fixture('3gpp', 'news_tsg-ran-election.reconstructed.html') },
  '/news-events/3gpp-news/tsg-sa-election': { file: fixture('3gpp', 'news_tsg-sa-election.reconstructed.html') },
  '/news-events/3gpp-news/tsg-ct-election': { file: fixture('3gpp', 'news_tsg-ct-election.reconstructed.html') },
  '/news-events/3gpp-news/ran-chair-2017': { file: fixture('3gpp', 'news_ran-chair-2017.reconstructed.html') },
  '/news-events/3gpp-news/new-ran-chairman-elected': { file: fixture('3gpp', 'news_new-ran-chairman-elected.reconstructed.html') },
  // Work-item rapporteurs: the WORK_PLAN folder and its newest work plan, the real one of January 2023.
  '/ftp/Information/WORK_PLAN/': { file: fixture('3gpp', 'ftp_listing_WORK_PLAN.reconstructed.htm') },
  '/ftp/Information/WORK_PLAN/Work_plan_3gpp_230110.xlsm': { file: fixture('3gpp', 'Work_plan_3gpp_230110.emails-redacted.xlsm') },
  // The TSG plenaries' meeting folders and the SA#87-e report folder, where the officials annex is found.
  '/ftp/tsg_sa/TSG_SA/': { file: fixture('3gpp', 'ftp_listing_TSG_SA.reconstructed.htm') },
  '/ftp/tsg_ran/TSG_RAN/': { file: fixture('3gpp', 'ftp_listing_TSG_RAN.reconstructed.htm') },
  '/ftp/tsg_ct/TSG_CT/': { file: fixture('3gpp', 'ftp_listing_TSG_CT.reconstructed.htm') },
  '/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/': { file: fixture('3gpp', 'ftp_listing_TSGS_87E_Report.reconstructed.htm') },
  '/ftp/tsg_sa/TSG_SA/TSGS_87E_Electronic/Report/Report_Annexes.htm': {
    file: fixture('3gpp', 'Report_Annexes_SA87e_officials.reconstructed.htm'),
  },
};

export function startThreeGppSite(overrides: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  return startFixtureServer({ ...THREE_GPP_ROUTES, ...overrides });
}
