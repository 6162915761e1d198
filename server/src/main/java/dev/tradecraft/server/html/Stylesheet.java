package dev.tradecraft.server.html;

/**
 * The one stylesheet of the report and the dashboard: plain, readable on screen and on paper
 * ({@code @media print} drops navigation, keeps tables from splitting rows and prints link-free).
 * The report inlines it; the dashboard serves it as a file so its Content-Security-Policy needs no
 * {@code 'unsafe-inline'}.
 */
public final class Stylesheet
{
    public static final String CSS = """
            :root { --ink: #1b1f24; --muted: #59636e; --line: #d0d7de; --bg: #ffffff; --band: #f6f8fa;
              --compromised: #b42318; --attempted: #b54708; --clean: #067647; --accent: #1f4e8c; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
            header.top { background: var(--accent); color: #fff; padding: 0.6rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
            header.top .brand { font-weight: 700; font-size: 1.1rem; }
            header.top nav a { color: #fff; margin-right: 1rem; text-decoration: none; }
            header.top nav a:hover { text-decoration: underline; }
            main { padding: 1rem 1.5rem 3rem; max-width: 1200px; }
            h1 { font-size: 1.6rem; margin: 0.6rem 0 0.8rem; }
            h2 { font-size: 1.25rem; margin: 1.6rem 0 0.6rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
            a { color: var(--accent); }
            p.muted, .muted { color: var(--muted); }
            .cards { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 0.8rem 0; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 1rem; min-width: 10rem; background: var(--band); }
            .card .number { font-size: 1.9rem; font-weight: 700; display: block; }
            .card .label { color: var(--muted); }
            table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
            th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
            th { background: var(--band); }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
            .status { font-weight: 700; text-transform: uppercase; font-size: 0.85rem; padding: 0.05rem 0.4rem; border-radius: 4px; color: #fff; }
            .status-compromised { background: var(--compromised); }
            .status-attempted { background: var(--attempted); }
            .status-clean { background: var(--clean); }
            ul.evidence li { margin: 0.2rem 0; }
            ul.for li::marker { content: "+ "; color: var(--clean); font-weight: 700; }
            ul.against li::marker { content: "\\2212  "; color: var(--compromised); font-weight: 700; }
            ol.checklist > li { margin: 0.5rem 0; }
            ol.checklist ul { margin: 0.2rem 0; }
            figure.chart { margin: 0.5rem 0 1rem; }
            figure.chart svg { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
            figure.chart figcaption { color: var(--muted); font-size: 0.88rem; }
            section.organisation { border-top: 2px solid var(--line); margin-top: 1.5rem; }
            @media print {
              header.top nav { display: none; }
              header.top { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              a { color: inherit; text-decoration: none; }
              h2, h3 { break-after: avoid; }
              tr, figure, li { break-inside: avoid; }
              section.organisation { break-before: page; }
              .status { color: var(--ink); border: 1px solid var(--ink); background: none; }
            }
            """;

    private Stylesheet() {}
}
