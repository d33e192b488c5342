"""The templates of the published site (site_templates/ at the top of the repository), shipped as
``deliberate._site_templates``: one base layout, one template per page kind, one stylesheet."""
