from samenwerk_cli.cli.app import main

main()
