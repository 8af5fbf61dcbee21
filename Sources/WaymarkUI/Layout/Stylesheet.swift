/// The one stylesheet. Colours meet WCAG 2.2 AA contrast (text at least 4.5:1; the focus ring is the
/// GOV.UK yellow-and-black pattern, visible on every background). No web fonts: Arial or its metric twin.
public enum Stylesheet {
    public static let css = #"""
        :root {
          --ink: #0b0c0c; --muted: #484949; --paper: #ffffff; --panel: #f3f2f1; --rule: #b1b4b6;
          --brand: #1d3b5a; --link: #1d70b8; --link-visited: #4c2c92; --focus: #ffdd00;
          --error: #b00020; --success: #00703c; --warning: #7a4b00;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 100%; line-height: 1.45; color: var(--ink); background: var(--paper); }
        body { margin: 0; }
        a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
        a:visited { color: var(--link-visited); }
        a:hover { text-decoration-thickness: 3px; }
        :focus-visible { outline: 3px solid var(--ink); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
        a:focus-visible { outline: none; background: var(--focus); color: var(--ink); box-shadow: 0 -2px var(--focus), 0 4px var(--ink); text-decoration: none; }
        .skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: var(--focus); color: var(--ink); z-index: 10; }
        .skip-link:focus { left: 0.5rem; top: 0.5rem; }
        .masthead { background: var(--brand); color: #fff; border-bottom: 8px solid var(--link); }
        .masthead__inner, .site-nav__inner, .page, .site-footer__inner { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        .masthead__inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; min-height: 3.5rem; }
        .masthead a, .masthead a:visited { color: #fff; }
        .masthead a:focus-visible { color: var(--ink); }
        .brand { font-weight: 700; font-size: 1.4rem; text-decoration: none; }
        .account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0; }
        .account form { margin: 0; }
        .link-button { background: none; border: 0; padding: 0; font: inherit; color: #fff; text-decoration: underline; cursor: pointer; }
        .link-button:focus-visible { background: var(--focus); color: var(--ink); }
        .site-nav { background: var(--panel); border-bottom: 1px solid var(--rule); }
        .site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 0.25rem; }
        .site-nav a { display: inline-block; padding: 0.75rem 0.75rem; font-weight: 700; text-decoration: none; color: var(--ink); }
        .site-nav a:visited { color: var(--ink); }
        .site-nav a[aria-current="page"] { box-shadow: inset 0 -5px var(--link); }
        .page { padding-top: 1.5rem; padding-bottom: 3rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
        .lead { font-size: 1.2rem; max-width: 40em; }
        .muted { color: var(--muted); }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--rule); border-top: 5px solid var(--link); padding: 1rem; background: var(--paper); }
        .card h2, .card h3 { margin: 0 0 0.5rem; font-size: 1.25rem; }
        .today { border-left: 5px solid var(--link); padding: 0.25rem 0 0.25rem 1rem; margin: 0 0 1.5rem; }
        .today h3 { margin: 0 0 0.25rem; }
        .today-list { padding-left: 1.25rem; }
        .today-list li { margin: 0.35rem 0; }
        .field { margin: 0 0 1.25rem; }
        .field label, .field legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        .hint { display: block; color: var(--muted); margin-bottom: 0.25rem; }
        /* A hint in a table cell stays a cell: display: block would take it out of the table's layout. */
        td.hint, th.hint { display: table-cell; margin-bottom: 0; }
        .field-error { display: block; color: var(--error); font-weight: 700; margin-bottom: 0.25rem; }
        .field--error { border-left: 5px solid var(--error); padding-left: 0.75rem; }
        input[type=text], input[type=password], input[type=search], input[type=number], select, textarea {
          font: inherit; padding: 0.4rem; border: 2px solid var(--ink); border-radius: 0; width: 100%; max-width: 30rem; background: #fff; color: var(--ink);
        }
        .field--error input, .field--error select, .field--error textarea { border-color: var(--error); }
        .date-input { display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
        .date-input__item label { font-weight: 400; }
        input.input--width-2 { width: 3rem; }
        input.input--width-4 { width: 4.5rem; }
        .field fieldset { margin: 0; }
        textarea { max-width: 40em; }
        textarea.code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.9rem; max-width: 100%; }
        .checkboxes { list-style: none; padding: 0; margin: 0; }
        .plain-list { list-style: none; padding: 0; margin: 0; }
        .checkboxes li { margin: 0.25rem 0; }
        .checkboxes--inline { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
        .checkboxes label { display: inline; font-weight: 400; }
        .audit-layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 2rem; align-items: start; }
        .audit-layout > aside { background: var(--panel); padding: 0 1rem 1rem; border-top: 5px solid var(--brand); }
        @media (max-width: 60rem) { .audit-layout { grid-template-columns: 1fr; } }
        .checkboxes input { width: 1.25rem; height: 1.25rem; vertical-align: middle; margin-right: 0.5rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
        .button { display: inline-block; font: inherit; font-weight: 700; padding: 0.5rem 1rem; border: 0; border-bottom: 2px solid #002d18; background: var(--success); color: #fff; cursor: pointer; text-decoration: none; }
        .button:visited { color: #fff; }
        .button--secondary { background: var(--panel); color: var(--ink); border-bottom-color: var(--muted); }
        .button--secondary:visited { color: var(--ink); }
        .button--warning { background: var(--error); border-bottom-color: #55000f; }
        .button:focus-visible { outline: 3px solid var(--focus); box-shadow: inset 0 0 0 1px var(--focus); background: var(--focus); color: var(--ink); }
        .actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1.5rem 0; }
        .error-summary { border: 5px solid var(--error); padding: 1rem; margin-bottom: 1.5rem; }
        .error-summary h2 { margin-top: 0; font-size: 1.25rem; }
        .error-summary a { color: var(--error); font-weight: 700; }
        .error-summary li { margin: 0.5rem 0; }
        .notice { border-left: 5px solid var(--link); background: var(--panel); padding: 0.75rem 1rem; margin-bottom: 1.5rem; }
        .notice--success { border-left-color: var(--success); }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
        caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding-bottom: 0.5rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid var(--rule); }
        th { font-weight: 700; }
        .table-wrap { overflow-x: auto; }
        .tag { display: inline-block; padding: 0.1rem 0.4rem; font-size: 0.875rem; font-weight: 700; background: #d2e2f1; color: #0c2d4a; }
        .tag--red { background: #f4cdc6; color: #2a0b06; }
        .tag--amber { background: #fbe3b0; color: #3d2a00; }
        .tag--green { background: #cce5d3; color: #0b2e16; }
        .tag--none { background: #e6e6e6; color: #1b1b1b; }
        .tag--status { background: #eef2f6; color: #0b0c0c; }
        .spread { display: flex; flex-direction: column; gap: 0.25rem; min-width: 12rem; }
        .spread__bar { display: block; width: 100%; height: 0.75rem; border: 1px solid var(--ink); }
        .spread__text { font-size: 0.875rem; }
        .breadcrumbs { font-size: 0.9rem; margin-bottom: 0.5rem; }
        .caption { display: block; font-size: 1rem; color: var(--muted); font-weight: 400; }
        .meta { color: var(--muted); }
        .summary-list { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.5rem 1rem; margin: 1.5rem 0; }
        .summary-list dt { font-weight: 700; } .summary-list dd { margin: 0; }
        .inline-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .inline-list a { display: inline-block; padding: 0.25rem 0; min-height: 1.5rem; }
        .history { list-style: none; padding: 0; } .history > li { border-left: 4px solid var(--rule); padding: 0 0 0 1rem; margin-bottom: 1.5rem; }
        .link-list { padding-left: 1.25rem; } .link-list li { margin-bottom: 0.4rem; }
        td.figure { font-weight: 700; font-size: 1.2rem; white-space: nowrap; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .chart { margin: 0 0 2rem; } .chart figcaption { font-weight: 700; font-size: 1.1rem; }
        .chart__svg { width: 100%; max-width: 40rem; height: auto; display: block; }
        .chart__grid { stroke: #d8dadb; stroke-width: 1; } .chart__label { font-size: 12px; fill: var(--ink); }
        .chart__line { fill: none; stroke-width: 2.5; } .chart__dot { stroke: #fff; stroke-width: 1; }
        .chart--main { stroke: #1d70b8; fill: #1d70b8; } .chart__line.chart--main { stroke-width: 3.5; }
        .chart--comparator-1 { stroke: #6f3700; fill: #6f3700; stroke-dasharray: 6 3; } .chart__dot.chart--comparator-1 { stroke-dasharray: none; }
        .chart--comparator-2 { stroke: #4c2c92; fill: #4c2c92; stroke-dasharray: 2 3; } .chart__dot.chart--comparator-2 { stroke-dasharray: none; }
        .chart--comparator-3 { stroke: #505a5f; fill: #505a5f; stroke-dasharray: 10 4 2 4; } .chart__dot.chart--comparator-3 { stroke-dasharray: none; }
        .chart--target { stroke: #00703c; fill: #00703c; stroke-dasharray: 1 4; stroke-linecap: round; }
        .chart--forecast { stroke: #1d70b8; fill: #fff; stroke-dasharray: 4 4; }
        .chart__bar { fill: #1d70b8; } .chart__reference { stroke: #0b0c0c; stroke-width: 2; stroke-dasharray: 5 3; }
        .bullet__svg { width: 12.5rem; height: 1.5rem; display: block; } .bullet__cell { min-width: 13rem; }
        .bullet__track { fill: #dfe1e2; } .bullet__bar { fill: #1d70b8; } .bullet__bar--better { fill: #00703c; } .bullet__bar--worse { fill: #d4351c; } .bullet__target { stroke: #00703c; stroke-width: 3; }
        .bullet__mark { fill: #fff; stroke-width: 2; } .bullet__mark--diamond { stroke: #6f3700; } .bullet__mark--circle { stroke: #4c2c92; }
        .bullet__mark--square { stroke: #505a5f; }
        .bullet__swatch { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.4rem; vertical-align: middle; box-sizing: border-box; }
        .bullet__swatch--bar { background: #1d70b8; height: 0.6rem; width: 1.5rem; } .bullet__swatch--better { background: #00703c; } .bullet__swatch--worse { background: #d4351c; } .bullet__swatch--target { border-left: 3px solid #00703c; width: 3px; }
        .bullet__swatch--diamond { border: 2px solid #6f3700; transform: rotate(45deg) scale(0.8); } .bullet__swatch--circle { border: 2px solid #4c2c92; border-radius: 50%; }
        .bullet__swatch--square { border: 2px solid #505a5f; }
        .chart__key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; font-size: 0.9rem; }
        .chart__swatch { display: inline-block; width: 1.5rem; height: 0; border-top: 3px solid; margin-right: 0.4rem; vertical-align: middle; }
        .chart__swatch.chart--main { border-color: #1d70b8; } .chart__swatch.chart--comparator-1 { border-top-style: dashed; border-color: #6f3700; }
        .chart__swatch.chart--comparator-2 { border-top-style: dotted; border-color: #4c2c92; } .chart__swatch.chart--comparator-3 { border-top-style: dashed; border-color: #505a5f; }
        .chart__swatch.chart--target { border-top-style: dotted; border-color: #00703c; } .chart__swatch.chart--forecast { border-top-style: dashed; border-color: #1d70b8; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
        .index-figure { background: var(--panel); padding: 1rem 1.25rem; margin-bottom: 2rem; max-width: 40rem; }
        .index-figure__number { font-size: 3rem; font-weight: 700; line-height: 1; }
        .index-figure__label { font-size: 1.2rem; }
        fieldset { border: 0; padding: 0; margin: 1.5rem 0; } legend { font-weight: 700; font-size: 1.1rem; margin-bottom: 0.5rem; }
        .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem; background: var(--panel); padding: 1rem; margin-bottom: 1.5rem; }
        .filters .actions { grid-column: 1 / -1; margin: 0; }
        .inline-form { display: inline; }
        .site-footer { border-top: 1px solid var(--rule); background: var(--panel); padding: 1.5rem 0; font-size: 0.9rem; }
        @media (max-width: 40rem) {
          h1 { font-size: 1.6rem; }
          .site-nav a { padding: 0.6rem 0.5rem; }
        }
        @media print {
          .skip-link, .site-nav, .account, .site-footer, .actions, .filters, form button { display: none !important; }
          .masthead { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
          .masthead a, .masthead a:visited { color: var(--ink); }
          a { color: var(--ink); text-decoration: none; }
          body { font-size: 11pt; }
          .page { max-width: none; padding: 0; }
          table { page-break-inside: auto; } tr { page-break-inside: avoid; }
        }
        """#
}
