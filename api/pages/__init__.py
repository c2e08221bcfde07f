"""The web pages for analysts, beside the REST routers: one router per resource, templates in
api/templates, styles and scripts in api/static.

Pages are built from the same look-ups as the REST resources (the routers' own functions), so
a page and the JSON of its resource always say the same. The resource pages live at the paths
of the data IRIs (`/id/actor/north-korea`, `/id/stance/sejong-2019-33/7`) and answer JSON or
RDF to a client that asks for it (linked_data.py).
"""
