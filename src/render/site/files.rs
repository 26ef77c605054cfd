//! Files the site carries besides its pages: the theme's static files, the
//! logo, and content assets (images, data files), copied as they are.

use crate::artifact::{Contents, OutputFile};
use crate::config::Config;
use crate::model::{THEME_DIR, asset_url};
use crate::render::site::Site;

/// Where the site puts the logo (`theme/logo.svg`), if there is one.
pub(super) fn logo_url(config: &Config) -> Option<String> {
    config.logo.as_ref().map(|logo| {
        let extension = logo
            .file
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
            .unwrap_or_default();
        format!("{THEME_DIR}/logo{extension}")
    })
}

impl Site<'_> {
    /// The theme's static files, the logo and every content asset.
    pub(super) fn files(&self) -> Vec<OutputFile> {
        let mut files: Vec<OutputFile> = self.templates.statics.clone();
        let config = self.input.config;
        if let (Some(logo), Some(url)) = (&config.logo, logo_url(config)) {
            files.push(OutputFile { path: url, contents: Contents::Copy(logo.file.clone()) });
        }
        files.extend(self.input.publication.assets.iter().map(|a| OutputFile {
            path: asset_url(&a.rel),
            contents: Contents::Copy(a.abs.clone()),
        }));
        files
    }
}
