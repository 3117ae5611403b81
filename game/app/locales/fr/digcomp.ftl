### Les noms des compétences du référentiel européen DigComp 2.2, pour que les
### cartes disent « 2.1 Interagir en ligne » plutôt qu'un simple code.
### `competence-2-1` est la compétence 2.1.
###
### Names of the DigComp 2.2 competences, so cards say "2.1 Interagir…" rather than a bare code.

competence-1-1 = Chercher et filtrer des informations
competence-1-2 = Évaluer des informations
competence-1-3 = Gérer des données
competence-2-1 = Interagir en ligne
competence-2-2 = Partager en ligne
competence-2-3 = Exercer sa citoyenneté en ligne
competence-2-4 = Collaborer en ligne
competence-2-5 = Savoir-vivre en ligne
competence-2-6 = Gérer son identité numérique
competence-3-1 = Créer des contenus
competence-3-2 = Intégrer et retravailler des contenus
competence-3-3 = Droits d'auteur et licences
competence-3-4 = Programmer
competence-4-1 = Protéger ses appareils
competence-4-2 = Protéger ses données personnelles et sa vie privée
competence-4-3 = Protéger sa santé et son bien-être
competence-4-4 = Protéger l'environnement
competence-5-1 = Résoudre des problèmes techniques
competence-5-2 = Identifier des besoins et des réponses technologiques
competence-5-3 = Utiliser le numérique de façon créative
competence-5-4 = Identifier ses lacunes numériques
