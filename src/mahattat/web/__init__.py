"""The page's files: ``static/`` (the page itself) and the npm packages of ``package.json``
installed by ``make setup`` into ``node_modules/`` (``assets.py`` reads them)."""
