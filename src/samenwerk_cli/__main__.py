from samenwerk_cli.cli.start import main

main()
