// This site's own script: marks the page as scripted so styles can tell.
document.documentElement.classList.add('js');
