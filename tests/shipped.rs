//! The shipped path holds every fact of the source document it follows:
//! every link, listed concept, additional skill and FAQ question.

use learnpath::curriculum::{Cost, Curriculum, Kind};

/// Every link in the source document, relative ones resolved under
/// https://blog.boot.dev.
const LINKS: &[&str] = &[
    "https://blog.boot.dev/backend/best-backend-programming-languages/",
    "https://blog.boot.dev/backend/learn-frontend-or-backend-first/",
    "https://blog.boot.dev/backend/top-backend-technologies/",
    "https://blog.boot.dev/computer-science/comprehensive-guide-to-learn-computer-science-online/",
    "https://blog.boot.dev/computer-science/computer-science-resumes/",
    "https://blog.boot.dev/devops/backend-devops-roles-merging/",
    "https://blog.boot.dev/javascript/javascript-projects-for-beginners/",
    "https://blog.boot.dev/jobs/build-github-profile/",
    "https://blog.boot.dev/misc/best-coding-communities/",
    "https://blog.boot.dev/python/python-projects-for-beginners/",
    "https://boot.dev",
    "https://boot.dev/courses/build-personal-project-1",
    "https://boot.dev/courses/build-social-media-backend-golang",
    "https://boot.dev/courses/learn-algorithms",
    "https://boot.dev/courses/learn-data-structures",
    "https://boot.dev/courses/learn-http",
    "https://boot.dev/courses/learn-python/",
    "https://devdevshow.com/backend-project-ideas-for-beginners-portfolio/",
    "https://docs.microsoft.com/en-us/dotnet/csharp/",
    "https://docs.python.org/3/tutorial/",
    "https://edabit.com/challenges/javascript",
    "https://en.wikipedia.org/wiki/Client%E2%80%93server_model",
    "https://gist.github.com/momer/19a159ffc336a047b2fa",
    "https://go.dev/",
    "https://golang.cafe/",
    "https://i.imgur.com/iiXz2iM.png",
    "https://nodejs.org/en/",
    "https://opensource.com/resources/what-bash",
    "https://python.swaroopch.com/",
    "https://survey.stackoverflow.co/2023/#salary-united-states",
    "https://www.codecademy.com/learn/learn-sql",
    "https://www.freecodecamp.org/news/html-css-11-hour-course/",
    "https://www.freecodecamp.org/news/http-and-everything-you-need-to-know-about-it/",
    "https://www.freecodecamp.org/news/learn-javascript-full-course/",
    "https://www.java.com/en/",
    "https://www.php.net/",
    "https://www.py4e.com/lessons",
    "https://www.python.org/",
    "https://www.ruby-lang.org/en/",
    "https://www.rust-lang.org/",
    "https://www.stratascratch.com/",
    "https://www.udacity.com/course/front-end-frameworks--ud894",
    "https://www.udemy.com/course/data-structures-and-algorithms-deep-dive-using-java/",
];

/// Concepts the source lists per step, by step id.
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "coding-basics",
        &[
            "Variables and data",
            "Comparison operators",
            "Loops",
            "Lists",
            "Functions",
            "Dictionaries",
            "Errors and Exceptions",
        ],
    ),
    ("web-basics", &["What is a web server?", "What is HTTP?", "How do webpages communicate with servers?"]),
    (
        "web-servers",
        &["What an application programming interface (API) is", "REST architecture", "WebSockets", "GraphQL"],
    ),
    ("databases", &["PostgreSQL", "MySQL", "SQLite", "ElasticSearch", "MongoDB", "CockroachDB", "Redis"]),
    (
        "portfolio",
        &[
            "A beautiful GitHub profile",
            "Great README.md files on your top 3 public repos",
            "At least one project deployed to the internet",
            "List the projects on your resume",
        ],
    ),
    (
        "job-search",
        &[
            "Put some work into your public GitHub profile",
            "Build some open-source projects",
            "Contribute to existing open-source projects",
            "Build a great LinkedIn landing page and do some networking",
            "Make friends in online coding communities",
        ],
    ),
    (
        "additional-skills",
        &[
            "How to use a terminal on your OS of choice",
            "How the operating system interacts with your application code",
            "Threads and concurrency",
            "DNS and networking",
            "Version control with Git/GitHub",
            "Authentication/Authorization",
            "Caching",
            "Clean code principles",
            "Clean architecture patterns",
            "Docker/Helm/K8s",
            "Telemetry/SRE",
            "Infrastructure as code",
            "Message brokers / pubsub",
            "Cloud engineering (AWS/GCP/Azure)",
            "Cryptography",
            "Load balancers",
            "Distributed systems",
            "Machine learning",
        ],
    ),
];

const QUESTIONS: &[&str] = &[
    "What is a backend developer?",
    "Can I learn back end development by myself?",
    "How long does it take to learn back end development?",
    "Do I need to start with frontend development?",
    "Do I need to learn DevOps?",
    "Why not just take a backend development course?",
];

const STEPS: &[&str] = &[
    "Learn basic coding skills",
    "Master data structures & algorithms",
    "Learn the basics of the web",
    "Get started building simple web servers",
    "Learn database fundamentals",
    "Deploy some projects to your professional portfolio",
    "Start looking for a backend job",
];

#[test]
fn the_seven_steps_in_order_then_the_extra() {
    let c = Curriculum::shipped();
    let numbered: Vec<&str> =
        c.steps().iter().filter(|s| !s.optional).map(|s| s.title.get_ref().as_str()).collect();
    assert_eq!(numbered, STEPS);
    let last = c.steps().last().unwrap();
    assert!(last.optional);
    assert_eq!(last.title.get_ref(), "Additional skills to learn while searching for a job");
    for step in c.steps() {
        assert!(step.goal.is_some() && step.body.is_some(), "{} has a goal and a body", step.id.get_ref());
        assert!(!step.topics.is_empty(), "{} has topics", step.id.get_ref());
    }
}

#[test]
fn every_link_of_the_source_is_a_resource() {
    let c = Curriculum::shipped();
    let urls: Vec<&str> =
        c.steps().iter().flat_map(|s| s.all_resources()).map(|r| r.url.get_ref().as_str()).collect();
    for link in LINKS {
        assert!(urls.contains(link), "missing {link}");
    }
}

#[test]
fn every_listed_concept_is_a_topic_of_its_step() {
    let c = Curriculum::shipped();
    for (step_id, concepts) in CONCEPTS {
        let step = c.steps().iter().find(|s| s.id.get_ref() == step_id).expect(step_id);
        for concept in *concepts {
            assert!(
                step.topics.iter().any(|t| t.title.get_ref().starts_with(concept)),
                "{step_id} lacks {concept:?}"
            );
        }
    }
}

#[test]
fn every_question_of_the_faq_is_answered() {
    let c = Curriculum::shipped();
    let questions: Vec<&str> = c.faq.iter().map(|f| f.question.get_ref().as_str()).collect();
    assert_eq!(questions, QUESTIONS);
    assert!(c.faq.iter().all(|f| f.answer.len() > 100));
}

#[test]
fn favourite_languages_are_resources_of_the_extra_step() {
    let c = Curriculum::shipped();
    let extra = c.steps().last().unwrap();
    let titles: Vec<&str> = extra.resources.iter().map(|r| r.title.get_ref().as_str()).collect();
    for lang in ["Go", "Python", "JavaScript/Node.js", "Rust", "C#", "Java", "Ruby", "PHP"] {
        assert!(titles.contains(&lang), "missing {lang}");
    }
}

#[test]
fn known_paid_courses_are_marked_paid() {
    let c = Curriculum::shipped();
    for r in c.steps().iter().flat_map(|s| s.all_resources()) {
        if r.url.get_ref().starts_with("https://boot.dev/courses/") {
            assert_eq!(r.cost, Some(Cost::Paid), "{}", r.title.get_ref());
        }
        if r.url.get_ref().contains("freecodecamp.org") {
            assert_eq!(r.cost, Some(Cost::Free), "{}", r.title.get_ref());
        }
    }
}

#[test]
fn every_topic_has_a_page_of_one_to_three_sentences_and_two_or_three_checks() {
    let c = Curriculum::shipped();
    assert_eq!(c.topic_count(), 61);
    for step in c.steps() {
        for topic in &step.topics {
            let key = step.key(topic);
            let summary = topic.summary.as_deref().unwrap_or_else(|| panic!("{key} has no summary"));
            let sentences = summary.matches(['.', '?', '!']).count();
            assert!((1..=3).contains(&sentences) && summary.ends_with('.'), "{key}: {summary}");
            assert!((2..=3).contains(&topic.check.len()), "{key} has {} checks", topic.check.len());
            assert!(topic.check.iter().all(|q| q.ends_with('?') || q.ends_with('.')), "{key}");
        }
    }
}

#[test]
fn every_resource_has_a_kind() {
    let c = Curriculum::shipped();
    let all: Vec<_> = c.steps().iter().flat_map(|s| s.all_resources()).collect();
    assert!(all.iter().all(|r| r.kind.is_some()), "a resource without a kind");
    let kind = |url: &str| all.iter().find(|r| r.url.get_ref() == url).and_then(|r| r.kind);
    assert_eq!(kind("https://edabit.com/challenges/javascript"), Some(Kind::Exercise));
    assert_eq!(kind("https://python.swaroopch.com/"), Some(Kind::Book));
    assert_eq!(kind("https://docs.python.org/3/tutorial/"), Some(Kind::Docs));
    assert_eq!(kind("https://www.freecodecamp.org/news/html-css-11-hour-course/"), Some(Kind::Video));
    assert_eq!(kind("https://golang.cafe/"), Some(Kind::Tool));
    assert_eq!(kind("https://boot.dev/courses/build-personal-project-1"), Some(Kind::Project));
}

/// Links the source ties to one topic: (topic key, url).
const TOPIC_LINKS: &[(&str, &str)] = &[
    ("web-basics/web-server", "https://en.wikipedia.org/wiki/Client%E2%80%93server_model"),
    ("web-basics/http", "https://boot.dev/courses/learn-http"),
    ("web-basics/http", "https://www.freecodecamp.org/news/http-and-everything-you-need-to-know-about-it/"),
    ("web-basics/frontend-projects", "https://blog.boot.dev/javascript/javascript-projects-for-beginners/"),
    ("web-basics/frontend-projects", "https://www.freecodecamp.org/news/html-css-11-hour-course/"),
    ("web-servers/specialize", "https://blog.boot.dev/backend/best-backend-programming-languages/"),
    ("web-servers/first-api", "https://blog.boot.dev/python/python-projects-for-beginners/"),
    ("web-servers/first-api", "https://devdevshow.com/backend-project-ideas-for-beginners-portfolio/"),
    ("databases/postgresql", "https://www.codecademy.com/learn/learn-sql"),
    ("portfolio/github-profile", "https://blog.boot.dev/jobs/build-github-profile/"),
    ("portfolio/resume", "https://blog.boot.dev/computer-science/computer-science-resumes/"),
    ("job-search/github-profile", "https://blog.boot.dev/jobs/build-github-profile/"),
    ("job-search/communities", "https://blog.boot.dev/misc/best-coding-communities/"),
    ("job-search/niche-boards", "https://golang.cafe/"),
    ("additional-skills/terminal", "https://opensource.com/resources/what-bash"),
];

#[test]
fn links_tied_to_one_topic_are_on_that_topic_and_listed_once_there() {
    let c = Curriculum::shipped();
    for (key, url) in TOPIC_LINKS {
        let (s, t) = c.locate(key).unwrap_or_else(|| panic!("no topic {key}"));
        let step = &c.steps()[s];
        let shown: Vec<&str> = step.resources_for(Some(t)).iter().map(|r| r.url.get_ref().as_str()).collect();
        assert!(step.topics[t].resources.iter().any(|r| r.url.get_ref() == url), "{key} lacks {url}");
        assert_eq!(shown.iter().filter(|u| *u == url).count(), 1, "{key} lists {url} twice");
    }
}

#[test]
fn requirements_point_backwards_along_the_path() {
    let c = Curriculum::shipped();
    let mut some = 0;
    for (s, step) in c.steps().iter().enumerate() {
        for t in 0..step.topics.len() {
            for (rs, rt) in c.requires(s, t) {
                some += 1;
                assert!(
                    (rs, rt) < (s, t) || c.steps()[s].optional,
                    "{} requires a later topic",
                    step.key(&step.topics[t])
                );
            }
        }
    }
    assert!(some > 20, "only {some} requirements");
}
