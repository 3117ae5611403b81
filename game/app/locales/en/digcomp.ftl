### DigComp 2.2 competence names in English, as the framework names them.

competence-1-1 = Browsing, searching and filtering information
competence-1-2 = Evaluating information
competence-1-3 = Managing data
competence-2-1 = Interacting through digital technologies
competence-2-2 = Sharing through digital technologies
competence-2-3 = Engaging in citizenship online
competence-2-4 = Collaborating through digital technologies
competence-2-5 = Netiquette
competence-2-6 = Managing digital identity
competence-3-1 = Developing digital content
competence-3-2 = Integrating and re-elaborating content
competence-3-3 = Copyright and licences
competence-3-4 = Programming
competence-4-1 = Protecting devices
competence-4-2 = Protecting personal data and privacy
competence-4-3 = Protecting health and well-being
competence-4-4 = Protecting the environment
competence-5-1 = Solving technical problems
competence-5-2 = Identifying needs and technological responses
competence-5-3 = Creatively using digital technologies
competence-5-4 = Identifying digital competence gaps
