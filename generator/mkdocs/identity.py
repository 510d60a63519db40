"""The office's identity in the theme: site name, description and footer come from `data/office.yml`.

A new office edits its data, not mkdocs.yml: the `site_name` MkDocs requires there is only a
fallback for a project that has no office.yml yet. `site_url` stays a build setting (the address the
site is deployed at, which may differ from the office's main website); when mkdocs.yml leaves it out,
the pipeline uses `website` of office.yml (generator/pipeline/index.py), and so does the theme.
"""

from __future__ import annotations

import html

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from generator.families.office.model import Office

# Why the footer shows it: the office publishes under the law on public information.
_FOOTER_TH = "ข้อมูลเผยแพร่ตามหลักการเปิดเผยข้อมูลสาธารณะ"
_DESCRIPTION_TH = "เว็บไซต์เปิดเผยข้อมูลสาธารณะ"


def apply_identity(config: MkDocsConfig, office: Office | None, base_url: str) -> None:
    """Name the site after `office`: header and page titles, the meta description and the footer.

    Material prints these settings unescaped in some templates and escaped (`| e`) in others; an
    escaped `Markup` reads right in both, so a name with "&" or a quote cannot break the HTML.
    """
    if office is None:
        return
    config.site_name = _safe(office.short_name_th or office.name_th)
    config.site_description = _safe(f"{_DESCRIPTION_TH} {office.name_th}")
    config.copyright = _safe(f"{office.name_th} · {_FOOTER_TH}")
    config.extra["office"] = office  # the footer's address, phones, e-mail, hours (generator/theme/partials/footer.html)
    if not config.site_url and base_url != "/":
        config.site_url = base_url  # office.yml `website`, already used by the OIT exports


def _safe(text: str) -> Markup:
    return Markup(html.escape(text, quote=True))
