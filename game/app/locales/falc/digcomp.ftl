### Les compétences du référentiel DigComp 2.2, en FALC.
### Mêmes identifiants que `../fr/digcomp.ftl`.

competence-1-1 = Chercher des informations
competence-1-2 = Juger si une information est vraie
competence-1-3 = Ranger ses données
competence-2-1 = Échanger sur Internet
competence-2-2 = Partager sur Internet
competence-2-3 = Faire ses démarches de citoyen sur Internet
competence-2-4 = Travailler ensemble sur Internet
competence-2-5 = Être poli sur Internet
competence-2-6 = Protéger son identité sur Internet
competence-3-1 = Créer des contenus
competence-3-2 = Changer et réutiliser des contenus
competence-3-3 = Respecter les droits d'auteur
competence-3-4 = Programmer
competence-4-1 = Protéger ses appareils
competence-4-2 = Protéger ses informations personnelles
competence-4-3 = Protéger sa santé
competence-4-4 = Protéger la planète
competence-5-1 = Régler un problème technique
competence-5-2 = Trouver le bon outil numérique
competence-5-3 = Créer avec le numérique
competence-5-4 = Savoir ce qu'il faut encore apprendre
