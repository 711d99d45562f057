"""CMS-1500 (02/12) claim forms as PDF: data for the red pre-printed form, or a full review page.

`render_cms1500(submission, mode=..., offset_in=...)` is the entry point; box positions are data
in layout.yaml.
"""
from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.cms1500.render import compose_pages, render_cms1500

__all__ = ["Cms1500Error", "compose_pages", "render_cms1500"]
