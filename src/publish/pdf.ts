/**
 * The PDF publication: the whole policy set as one HTML document, printed to `policies.pdf` by
 * Chromium through playwright-core.
 */
import { accessSync, constants, renameSync, rmSync, writeFileSync } from "node:fs";
import type { PolicySet, RenderedPolicy } from "../templates/model.ts";
import { escapeHtml, parseStewardRef, renderMarkdown } from "./markdown-it.ts";
import { sectionList } from "./site/index-page.ts";
import { pdfCss } from "./site/style.ts";
import { ownerLabel, scheduleLabel } from "./site/words.ts";

/** Where Debian, Ubuntu and Google install Chromium, in the order tried. */
export const chromiumCandidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/**
 * The Chromium to use: `explicit` when given (and only it: a wrong --chromium must fail, not fall
 * back silently), else the first executable of `candidates`; null when none is usable.
 */
export function findChromium(
  explicit?: string,
  candidates: readonly string[] = chromiumCandidates,
): string | null {
  const usable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (explicit !== undefined) return usable(explicit) ? explicit : null;
  return candidates.find(usable) ?? null;
}

/** Document-wide anchor of a section: section ids are unique only within their policy. */
const anchor = (policyId: string, sectionId: string) => `${policyId}--${sectionId}`;

function pdfRefHref(href: string): string {
  const ref = parseStewardRef(href);
  if (ref === null) return href;
  return ref.sectionId === null ? `#${ref.policyId}` : `#${anchor(ref.policyId, ref.sectionId)}`;
}

function policyHtml(set: PolicySet, policy: RenderedPolicy): string {
  const sections = policy.sections.map((s) => {
    const tag = s.level === 2 ? "h2" : "h3";
    const cites =
      s.citations.length === 0 ? "" : `<p class="cites">Addresses ${escapeHtml(s.citations.join(", "))}</p>`;
    return `<${tag} id="${escapeHtml(anchor(policy.id, s.id))}"><span class="num">${escapeHtml(s.number)}</span>${escapeHtml(s.title)}</${tag}>${cites}\n${renderMarkdown(s.markdown, pdfRefHref)}`;
  });
  const rows = policy.commitments.map(
    (c) =>
      `<tr><td>${escapeHtml(c.text)} (section ${escapeHtml(c.sectionNumber)})</td><td>${escapeHtml(ownerLabel(set.profile, c.owner))}</td><td>${escapeHtml(scheduleLabel(c.schedule))}</td><td>${escapeHtml(c.evidence)}</td></tr>`,
  );
  const table =
    rows.length === 0
      ? ""
      : `<table><caption>Commitments in this policy</caption><thead><tr><th>Commitment</th><th>Owner</th><th>Schedule</th><th>Evidence</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  return `<section class="policy" id="${escapeHtml(policy.id)}">
<h1><span class="num">${policy.number}.</span>${escapeHtml(policy.title)}</h1>
<p class="meta">Version ${escapeHtml(set.version)} · Effective ${escapeHtml(set.effectiveDate)} · Citations: ${escapeHtml(policy.citations.join(", ") || "none")}</p>
${renderMarkdown(policy.intro, pdfRefHref)}
${sections.join("\n")}
${table}
</section>`;
}

/**
 * A CSS string literal holding `text`: everything but letters, digits and plain punctuation is
 * hex-escaped, so no name can end the string, the rule or the style element.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[^\p{L}\p{N} .,·:;()_-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${escaped}"`;
}

/** The footer of every page, "… · Page N of M", as the content of the page's bottom margin box. */
function footerCss(set: PolicySet): string {
  const org = set.profile.organization;
  const text = `${org.legalName} HIPAA Policies · Version ${set.version} · Effective ${set.effectiveDate} · Page `;
  return `@page { @bottom-center { content: ${cssString(text)} counter(page) " of " counter(pages); } }`;
}

/** The single HTML document printed to PDF: cover, table of contents, then each policy on a new page. */
export function renderPdfHtml(set: PolicySet): string {
  const org = set.profile.organization;
  const toc = set.policies.map(
    (p) =>
      `<li><a href="#${escapeHtml(p.id)}">${p.number}. ${escapeHtml(p.title)}</a>${sectionList(p, (s) => `#${anchor(p.id, s.id)}`, "")}</li>`,
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(org.legalName)} HIPAA Policies, version ${escapeHtml(set.version)}</title><style>${pdfCss}${footerCss(set)}</style></head>
<body>
<section class="cover">
<p class="org">${escapeHtml(org.legalName)}</p>
<h1>HIPAA Policies</h1>
<p class="meta">Version ${escapeHtml(set.version)} · Effective ${escapeHtml(set.effectiveDate)}</p>
<p class="meta">Content hash (SHA-256): <code>${escapeHtml(set.contentHash)}</code></p>
</section>
<nav class="toc" aria-labelledby="toc"><h1 id="toc">Contents</h1><ol class="plain">${toc.join("")}</ol></nav>
${set.policies.map((p) => policyHtml(set, p)).join("\n")}
</body>
</html>
`;
}

/**
 * Headless flags for this kind of machine: no sandbox as root, and no background traffic (the
 * network is closed, and Chromium would otherwise retry its update and sync services).
 */
export const chromiumLaunchArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Features Playwright itself disables (playwright-core 1.65, `chromiumSwitches`). Chromium honours
 * only the last --disable-features on its command line, so a list of our own must repeat these;
 * pdf.test.ts checks that it still does.
 */
export const playwrightDisabledFeatures = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * The PDF printer's flags. Headless Chromium builds a (hidden) browser window whose omnibox popup
 * is a WebUI page in a renderer of its own; loading it costs more CPU than laying out the policy
 * set, on a machine where Chromium has two cores at best. The printer never shows an omnibox.
 */
export const pdfChromiumArgs = [
  ...chromiumLaunchArgs,
  `--disable-features=${[...playwrightDisabledFeatures, "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"].join(",")}`,
];

/** A launched Chromium, ready to print; started early so the launch overlaps with rendering. */
export interface PdfPrinter {
  print(set: PolicySet, outFile: string): Promise<void>;
  close(): Promise<void>;
}

/** Finds and launches Chromium; throws the install hint at once when it is missing. */
export function launchPdfPrinter(options: { chromiumPath?: string } = {}): Promise<PdfPrinter> {
  const executablePath = findChromium(options.chromiumPath);
  if (executablePath === null) {
    const looked = options.chromiumPath === undefined ? chromiumCandidates : [options.chromiumPath];
    throw new Error(
      `Chromium was not found (looked in ${looked.join(", ")}). Install it with 'apt-get install chromium' (Debian/Ubuntu) or pass its path with --chromium PATH.`,
    );
  }
  return launch(executablePath);
}

async function launch(executablePath: string): Promise<PdfPrinter> {
  // Loaded here, not at the top, so commands that never print a PDF start without it.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: pdfChromiumArgs,
  });
  // The page is made ready while the set renders. The document is self-contained; refusing every
  // request keeps a stray URL from reaching out.
  const pagePromise = browser.newPage().then(async (page) => {
    await page.route("**/*", (route) => route.abort());
    return page;
  });
  // A printer closed without printing must not leave this promise rejected and unobserved.
  pagePromise.catch(() => undefined);
  return {
    close: () => browser.close(),
    async print(set, outFile) {
      const partial = `${outFile}.partial`;
      try {
        const page = await pagePromise;
        // Nothing loads after the markup (no subresources, and every request is refused anyway), so
        // the print need not wait for the load event.
        await page.setContent(renderPdfHtml(set), { waitUntil: "domcontentloaded" });
        const pdf = await page.pdf({
          format: "Letter",
          printBackground: true,
          // No displayHeaderFooter: the footer is a CSS page-margin box (see pdfCss), drawn with the
          // page; Chromium's footer template would load a separate document for each of the pages.
          margin: { top: "0.75in", bottom: "0.8in", left: "0.85in", right: "0.85in" },
          outline: true,
          tagged: true,
        });
        writeFileSync(partial, pdf);
        renameSync(partial, outFile);
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      }
    },
  };
}

/** Prints the policy set to `outFile` with Chromium; the file appears only once complete. */
export async function writePdf(
  set: PolicySet,
  outFile: string,
  options: { chromiumPath?: string } = {},
): Promise<void> {
  const printer = await launchPdfPrinter(options);
  try {
    await printer.print(set, outFile);
  } finally {
    await printer.close();
  }
}
