from talentloop_shared.devtools.suite import main

main()
