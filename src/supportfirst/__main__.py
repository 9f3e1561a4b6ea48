from supportfirst.cli import main

raise SystemExit(main())
