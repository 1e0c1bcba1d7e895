"""The bridge to MkDocs and Material: the only package that imports them.

Everything else produces engine-neutral `SitePage`s and `StaticFile`s. Material for MkDocs reaches
end of life on 2027-05-05; its successor Zensical reads the same mkdocs.yml and theme overrides,
so moving engines means rewriting this folder and nothing else.

- config.py: mkdocs.yml from site_config.yml; `StaticFile`, `NavItem`, site URL → MkDocs paths.
- plugin.py: `DisclosurePlugin`, which hands every page and file to MkDocs, and `load`, the
  MkDocs configuration of a build with the plugin in it.
- renderer.py: `build` (the site, pages rendered on several cores) and `PagePreview` (one page
  again, for serve), on MkDocs' private API; the module names the internals it depends on.
- serve.py: the live-reload server.
- overrides/: Material's templates, overridden.

The engine is MkDocs 1.6.1 by default. ProperDocs, the maintained fork of MkDocs 1.6, works in its
place: install `properdocs` instead of `mkdocs` (`pip install '.[properdocs]'` then
`pip uninstall mkdocs`) and its import shim is loaded here, before any `mkdocs.*` import, so
Material and this folder run on it unchanged (docs/platform.md: the demo builds byte-identical but
for the `<meta name="generator">` line).
"""

import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401  # redirects every mkdocs.* import to properdocs.*
